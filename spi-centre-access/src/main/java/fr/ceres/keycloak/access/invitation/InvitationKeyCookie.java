package fr.ceres.keycloak.access.invitation;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.core.Cookie;
import org.keycloak.models.KeycloakSession;

/**
 * The link's key, kept in the invitee's browser while they sign in or sign up. The way back to the
 * invitation page then carries no key: Keycloak records the {@code redirect_uri} of sign-ins,
 * sign-ups and sign-outs in its events (stored, and logged for errors), and a key there would be a
 * live bearer link in the event store.
 *
 * <p>Scoped to the invitation page's path, unreadable by scripts, sent on top-level navigation only
 * ({@code SameSite=Lax}: the return from Keycloak's own pages is one), secure over HTTPS, and gone
 * after an hour: long enough to sign up, short enough not to linger on a shared computer.
 */
final class InvitationKeyCookie {

    static final String NAME = "CERES_INVITATION";
    private static final int MAX_AGE_SECONDS = 3600;

    private InvitationKeyCookie() {
    }

    /** The {@code Set-Cookie} header keeping the key for the page at {@code page}. */
    static String keep(URI page, String key) {
        return NAME + "=" + key + "; Path=" + page.getRawPath() + "; Max-Age=" + MAX_AGE_SECONDS
                + "; HttpOnly; SameSite=Lax" + ("https".equalsIgnoreCase(page.getScheme()) ? "; Secure" : "");
    }

    /** The key kept by this browser, if any. */
    static Optional<String> read(KeycloakSession session) {
        Cookie cookie = session.getContext().getRequestHeaders().getCookies().get(NAME);
        return Optional.ofNullable(cookie).map(Cookie::getValue).filter(value -> !value.isBlank());
    }
}
