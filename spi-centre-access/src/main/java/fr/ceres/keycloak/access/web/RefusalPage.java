package fr.ceres.keycloak.access.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The portal's French 403 page, with the way back to the portal page: for a person who may not act on a
 * centre, and for a form that did not come from one of the portal's pages. The access page's template words it.
 */
public final class RefusalPage {

    /** The access page's template, which also words the refusals. */
    public static final String TEMPLATE = "ceres-access.ftl";

    /** Why the page is shown; the template words each. */
    public enum Why {
        /** Not a gestionnaire of that centre. */
        FORBIDDEN("forbidden"),
        /** A form of the access page without the session's anti-forgery token. */
        CSRF("csrf"),
        /** The portal page's « Demander l'accès » form without the session's anti-forgery token. */
        REQUEST_CSRF("request-csrf");

        private final String word;

        Why(String word) {
            this.word = word;
        }
    }

    private RefusalPage() {
    }

    public static Response of(KeycloakSession session, Why why, UserModel user, PortalSignIn signIn) {
        return session.getProvider(LoginFormsProvider.class)
                .setUser(user)
                .setStatus(Response.Status.FORBIDDEN)
                .setAttribute("ceresAccessRefused", why.word)
                .setAttribute("ceresPortalUrl", signIn.portalUrl().toString())
                .setResponseHeader(HttpHeaders.CACHE_CONTROL, PortalSignIn.NO_STORE)
                .createForm(TEMPLATE);
    }
}
