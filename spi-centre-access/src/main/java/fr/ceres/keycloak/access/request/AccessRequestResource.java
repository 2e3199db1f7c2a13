package fr.ceres.keycloak.access.request;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import fr.ceres.keycloak.access.web.CsrfToken;
import fr.ceres.keycloak.access.web.PortalSignIn;
import fr.ceres.keycloak.access.web.RefusalPage;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * « Demander l'accès » from the portal page (flow F7): {@code POST /realms/{realm}/ceres-portal/demande}
 * with the centre's SIRET ({@value #CENTRE}) and the session's {@link CsrfToken}. Nobody signed in is sent
 * to sign in back to the portal page; a form without the session's token gets a French 403 page and asks
 * nothing; otherwise {@link AccessRequests#ask} decides, and the browser goes back to the portal page
 * with a {@code notice} word saying what happened (POST-redirect-GET).
 */
public final class AccessRequestResource {

    static final String CENTRE = "centre";
    public static final String NOTICE = "notice";

    static final String SENT = "demande-envoyee";
    static final String ALREADY_PENDING = "demande-en-attente";
    static final String NOT_ALLOWED = "demande-impossible";
    static final String NOT_SENT = "demande-non-envoyee";
    static final String QUOTA_REACHED = "demande-quota";
    /** The notices the portal page knows; anything else in its address is ignored. */
    private static final Set<String> NOTICES = Set.of(SENT, ALREADY_PENDING, NOT_ALLOWED, NOT_SENT, QUOTA_REACHED);

    private final KeycloakSession session;
    private final PortalSignIn signIn;

    public AccessRequestResource(KeycloakSession session) {
        this.session = session;
        this.signIn = new PortalSignIn(session);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response ask() {
        Optional<AuthResult> signedIn = signIn.signedIn();
        if (signedIn.isEmpty()) {
            // Back to the portal page, not to this address, which only takes POSTs.
            return PortalSignIn.redirect(signIn.authorizationUrl(signIn.portalUrl(), false));
        }
        MultivaluedMap<String, String> form = session.getContext().getHttpRequest().getDecodedFormParameters();
        if (!CsrfToken.matches(signedIn.get().session(), form.getFirst(CsrfToken.FIELD))) {
            return RefusalPage.of(session, RefusalPage.Why.REQUEST_CSRF, signedIn.get().user(), signIn);
        }
        String centre = form.getFirst(CENTRE) == null ? "" : form.getFirst(CENTRE).strip();
        AccessRequests.Outcome outcome = new AccessRequests(session)
                .ask(signedIn.get().user(), signedIn.get().session(), centre);
        URI portal = UriBuilder.fromUri(signIn.portalUrl()).queryParam(NOTICE, notice(outcome)).build();
        return PortalSignIn.redirect(portal);
    }

    /** The word the portal page turns into its message. */
    static String notice(AccessRequests.Outcome outcome) {
        return switch (outcome) {
            case SENT -> SENT;
            case ALREADY_PENDING -> ALREADY_PENDING;
            case NOT_ALLOWED -> NOT_ALLOWED;
            case NOT_SENT -> NOT_SENT;
            case QUOTA_REACHED -> QUOTA_REACHED;
        };
    }

    /** The notice of the portal page's address if it is one the page knows, else null. */
    public static String knownNotice(String notice) {
        return notice != null && NOTICES.contains(notice) ? notice : null;
    }
}
