package fr.ceres.keycloak.centre.access;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import fr.ceres.keycloak.centre.portal.PortalSignIn;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * The door of every page and endpoint under {@code acces/{centre}} (issue 4 §5): nobody signed in is
 * sent to sign in (the JSON endpoint answers 401), anybody who is not a gestionnaire of the centre gets
 * a French 403 page (the JSON endpoint a 403), and a form posted without the session's
 * {@link CsrfToken} gets a 403 page too, before anything is read from it.
 */
final class AccessGate {

    static final String TEMPLATE = "ceres-access.ftl";
    static final String NO_STORE = "no-store";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final String centre;
    private final PortalSignIn signIn;

    AccessGate(KeycloakSession session, String centre) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.centre = centre;
        this.signIn = new PortalSignIn(session);
    }

    /** For a page (GET): the gestionnaire, or the answer to give instead. */
    Admission page() {
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
     * For a form (POST): the gestionnaire, or the answer to give instead. A signed-out person is sent to
     * sign in back to the access page, not to the address of the form, which only takes POSTs. Who may act
     * is checked before the form's token, so that a token, however obtained, never lets anybody else in.
     */
    Admission form(String submittedCsrf) {
        Optional<AuthResult> signedIn = signIn.signedIn();
        if (signedIn.isEmpty()) {
            return Admission.refused(PortalSignIn.redirect(signIn.authorizationUrl(pageUrl(), false)));
        }
        Admission admission = admit(signedIn.get());
        if (!admission.isRefused() && !CsrfToken.matches(signedIn.get().session(), submittedCsrf)) {
            return Admission.refused(refusal(Refusal.CSRF, signedIn.get()));
        }
        return admission;
    }

    /** For the JSON endpoint: the gestionnaire, or a JSON 401 / 403. */
    Admission json() {
        Optional<AuthResult> signedIn = signIn.signedIn();
        if (signedIn.isEmpty()) {
            return Admission.refused(jsonError(Response.Status.UNAUTHORIZED, "not_signed_in"));
        }
        return new CentreAccess(session, realm).managedBy(signedIn.get().user(), centre)
                .map(managed -> Admission.admitted(new Gestionnaire(signedIn.get(), managed)))
                .orElseGet(() -> Admission.refused(jsonError(Response.Status.FORBIDDEN, "forbidden")));
    }

    /** The centre's access page, where every form comes back to. */
    URI pageUrl() {
        return signIn.under("acces", centre);
    }

    /** An address under the centre's access page, e.g. {@code under("inviter")}. */
    URI under(String... segments) {
        String[] all = new String[segments.length + 2];
        all[0] = "acces";
        all[1] = centre;
        System.arraycopy(segments, 0, all, 2, segments.length);
        return signIn.under(all);
    }

    URI portalUrl() {
        return signIn.portalUrl();
    }

    /** The centre's SIRET as the address gave it. */
    String centre() {
        return centre;
    }

    private Admission admit(AuthResult signedIn) {
        return new CentreAccess(session, realm).managedBy(signedIn.user(), centre)
                .map(managed -> Admission.admitted(new Gestionnaire(signedIn, managed)))
                .orElseGet(() -> Admission.refused(refusal(Refusal.FORBIDDEN, signedIn)));
    }

    /** The themed French 403 page, with the way back to the portal. */
    private Response refusal(Refusal why, AuthResult signedIn) {
        return session.getProvider(LoginFormsProvider.class)
                .setUser(signedIn.user())
                .setStatus(Response.Status.FORBIDDEN)
                .setAttribute("ceresAccessRefused", why.word)
                .setAttribute("ceresPortalUrl", signIn.portalUrl().toString())
                .setResponseHeader("Cache-Control", NO_STORE)
                .createForm(TEMPLATE);
    }

    private static Response jsonError(Response.Status status, String error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", NO_STORE)
                .entity(Map.of("error", error))
                .build();
    }

    /**
     * Why the 403 page is shown; the template words each. {@code REQUEST_CSRF}: the portal page's
     * « Demander l'accès » form without the session's token ({@link AccessRequestResource}).
     */
    enum Refusal {
        FORBIDDEN("forbidden"), CSRF("csrf"), REQUEST_CSRF("request-csrf");

        final String word;

        Refusal(String word) {
            this.word = word;
        }
    }

    /** Either a gestionnaire let in, or the response that refuses the request. */
    record Admission(Gestionnaire gestionnaire, Response refusal) {

        static Admission admitted(Gestionnaire gestionnaire) {
            return new Admission(gestionnaire, null);
        }

        static Admission refused(Response refusal) {
            return new Admission(null, refusal);
        }

        boolean isRefused() {
            return refusal != null;
        }
    }
}
