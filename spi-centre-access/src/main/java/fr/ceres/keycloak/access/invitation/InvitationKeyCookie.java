package fr.ceres.keycloak.access.invitation;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/**
 * The link's key, kept in the invitee's browser while they sign in or sign up, so that no address after
 * the email's own link carries it: neither the way back to the invitation page (Keycloak records the
 * {@code redirect_uri} of sign-ins, sign-ups and sign-outs in its events) nor the authorization request
 * of a sign-up (proxies log it, browsers keep it in their history). The sign-up form reads it here
 * ({@link InvitationRegistration}).
 *
 * <p>Set only for a key that verified, so its value is a token's own characters and nothing typed into the
 * link reaches a header; written by JAX-RS's cookie builder, not by hand. Scoped to the realm's path (the
 * invitation page and Keycloak's sign-up pages both live under it), unreadable by scripts, sent on top-level
 * navigation only ({@code SameSite=Lax}: the returns from Keycloak's pages are such), secure over HTTPS, and
 * gone after an hour: long enough to sign up, short enough not to linger on a shared computer.
 */
final class InvitationKeyCookie {

    static final String NAME = "CERES_INVITATION";
    private static final int MAX_AGE_SECONDS = 3600;

    private InvitationKeyCookie() {
    }

    /** The cookie keeping {@code key}, which the caller has verified ({@link InvitationLinks#verify}). */
    static NewCookie keep(KeycloakSession session, RealmModel realm, String verifiedKey) {
        URI realmUrl = Urls.realmBase(session.getContext().getUri().getBaseUri()).path(realm.getName()).build();
        return new NewCookie.Builder(NAME)
                .value(verifiedKey)
                .path(realmUrl.getRawPath() + "/")
                .maxAge(MAX_AGE_SECONDS)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .secure("https".equalsIgnoreCase(realmUrl.getScheme()))
                .build();
    }

    /** The key kept by this browser, if any; unverified (a browser may send anything). */
    static Optional<String> read(KeycloakSession session) {
        Cookie cookie = session.getContext().getRequestHeaders().getCookies().get(NAME);
        return Optional.ofNullable(cookie).map(Cookie::getValue).filter(value -> !value.isBlank());
    }
}
