package fr.ceres.keycloak.access.gestionnaire;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import fr.ceres.keycloak.access.web.CsrfToken;
import fr.ceres.keycloak.access.web.PortalSignIn;
import fr.ceres.keycloak.access.web.RefusalPage;
import fr.ceres.keycloak.common.PortalUrls;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * The door of every page and endpoint under {@code acces/{centre}}: nobody signed in is sent to sign in (the
 * JSON endpoint answers 401), anybody who is not a gestionnaire of the centre gets a French 403 page (the JSON
 * endpoint a 403), and a form posted without the session's {@link CsrfToken} gets a 403 page too, before
 * anything is read from it. It also knows the addresses under the centre's access page.
 */
public final class AccessGate {

    /** The query parameter carrying the word of what a form did, which the access page turns into its message. */
    public static final String NOTICE = "notice";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final String centre;
    private final PortalSignIn signIn;

    public AccessGate(KeycloakSession session, String centre) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.centre = centre;
        this.signIn = new PortalSignIn(session);
    }

    /** For a page (GET): the gestionnaire, or the answer to give instead. */
    public Admission page() {
        Optional<AuthResult> signedIn = signIn.signedIn();
        if (signedIn.isEmpty()) {
            return Admission.refused(signIn.toSignIn());
        }
        if (signIn.isReturnFromSignIn()) {
            return Admission.refused(signIn.dropReturnParameters());
        }
        return admit(signedIn.get());
    }

    /**
     * For a form (POST): the gestionnaire, or the answer to give instead. A signed-out person is sent to sign in
     * back to the access page, not to the address of the form, which only takes POSTs. Who may act is checked
     * before the form's token, so that a token, however obtained, never lets anybody else in.
     */
    public Admission form(String submittedCsrf) {
        Optional<AuthResult> signedIn = signIn.signedIn();
        if (signedIn.isEmpty()) {
            return Admission.refused(PortalSignIn.redirect(signIn.authorizationUrl(pageUrl(), false)));
        }
        Admission admission = admit(signedIn.get());
        if (!admission.isRefused() && !CsrfToken.matches(signedIn.get().session(), submittedCsrf)) {
            return Admission.refused(RefusalPage.of(session, RefusalPage.Why.CSRF, signedIn.get().user(), signIn));
        }
        return admission;
    }

    /** For the JSON endpoint: the gestionnaire, or a JSON 401 / 403. */
    public Admission json() {
        Optional<AuthResult> signedIn = signIn.signedIn();
        if (signedIn.isEmpty()) {
            return Admission.refused(jsonError(Response.Status.UNAUTHORIZED, "not_signed_in"));
        }
        return new CentreAccess(session, realm).managedBy(signedIn.get().user(), centre)
                .map(managed -> Admission.admitted(new Gestionnaire(signedIn.get(), managed)))
                .orElseGet(() -> Admission.refused(jsonError(Response.Status.FORBIDDEN, "forbidden")));
    }

    /** The centre's access page, where every form comes back to. */
    public URI pageUrl() {
        return signIn.accessPage(centre);
    }

    /** An address under the centre's access page, e.g. {@code under("inviter")}. */
    public URI under(String... segments) {
        String[] all = new String[segments.length + 2];
        all[0] = PortalUrls.ACCESS;
        all[1] = centre;
        System.arraycopy(segments, 0, all, 2, segments.length);
        return signIn.under(all);
    }

    /** The 303 back to the access page, with the word saying what happened (POST-redirect-GET). */
    public Response backToPage(String notice) {
        return PortalSignIn.redirect(UriBuilder.fromUri(pageUrl()).queryParam(NOTICE, notice).build());
    }

    public URI portalUrl() {
        return signIn.portalUrl();
    }

    /** The centre's SIRET as the address gave it. */
    public String centre() {
        return centre;
    }

    private Admission admit(AuthResult signedIn) {
        return new CentreAccess(session, realm).managedBy(signedIn.user(), centre)
                .map(managed -> Admission.admitted(new Gestionnaire(signedIn, managed)))
                .orElseGet(() -> Admission.refused(
                        RefusalPage.of(session, RefusalPage.Why.FORBIDDEN, signedIn.user(), signIn)));
    }

    private static Response jsonError(Response.Status status, String error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, PortalSignIn.NO_STORE)
                .entity(Map.of("error", error))
                .build();
    }

    /** Either a gestionnaire let in, or the response that refuses the request. */
    public record Admission(Gestionnaire gestionnaire, Response refusal) {

        static Admission admitted(Gestionnaire gestionnaire) {
            return new Admission(gestionnaire, null);
        }

        static Admission refused(Response refusal) {
            return new Admission(null, refusal);
        }

        public boolean isRefused() {
            return refusal != null;
        }
    }
}
