package fr.ceres.keycloak.access.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.keycloak.common.util.Base64Url;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.models.UserSessionModel;

/**
 * The anti-forgery token of the portal's forms: one random 256-bit value per browser
 * session, kept in a note of Keycloak's user session, so that every node of a cluster knows it and it
 * dies with the session. A form carries it in a hidden field {@value #FIELD}; a POST whose field does not
 * match was not made by one of our pages and changes nothing.
 *
 * <p>The identity cookie alone cannot tell our form from another site's: the browser sends it with a
 * cross-site POST too (the cookie is {@code SameSite=None} for the sake of the OIDC flows).
 */
public final class CsrfToken {

    /** The hidden form field carrying the token. */
    public static final String FIELD = "csrf";
    /** The user-session note holding it; user-session notes are replicated with the session. */
    static final String NOTE = "ceres.csrf";
    private static final int BYTES = 32;

    private CsrfToken() {
    }

    /** The session's token, made on first use. */
    public static String of(UserSessionModel userSession) {
        String token = userSession.getNote(NOTE);
        if (token == null || token.isEmpty()) {
            token = Base64Url.encode(SecretGenerator.getInstance().randomBytes(BYTES));
            userSession.setNote(NOTE, token);
        }
        return token;
    }

    /** Whether a submitted value is the session's token; compared in constant time. */
    public static boolean matches(UserSessionModel userSession, String submitted) {
        String token = userSession == null ? null : userSession.getNote(NOTE);
        if (token == null || token.isEmpty() || submitted == null || submitted.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.UTF_8));
    }
}
