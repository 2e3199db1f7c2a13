package fr.ceres.keycloak.access.invitation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.ceres.keycloak.access.store.Invitation;
import fr.ceres.keycloak.common.PortalUrls;
import org.keycloak.TokenVerifier;
import org.keycloak.common.VerificationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/**
 * Makes and reads the invitation links {@code /realms/{realm}/ceres-portal/invitation?key=<token>}
 *. The token is verified here, not by Keycloak's action-token endpoint (see {@link
 * InvitationToken}): signature with the realm's keys, type, issuer; its expiry is left to the
 * caller, which tells an expired link from a forged one.
 */
public final class InvitationLinks {

    /** The query parameter of the link. */
    public static final String KEY = "key";
    /**
     * What a key made by {@link #link} looks like: a signed token in compact form, three base64url parts
     * joined by dots. Anything else (spaces, line breaks, {@code ;}…) is refused before any decoding, so
     * that no answer carries a character of a key that is not one.
     */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    /** Far above a real key (some 600 characters), far below what a header or a cookie may hold. */
    private static final int MAX_LENGTH = 2048;

    private final KeycloakSession session;
    private final RealmModel realm;

    public InvitationLinks(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The link to email for the invitation, at its current link version: the only address that carries a key. */
    public URI link(Invitation invitation) {
        String key = new InvitationToken(invitation).serialize(session, realm, session.getContext().getUri());
        return URI.create(page() + "?" + KEY + "=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    /** The invitation page without key: where its form posts. */
    URI page() {
        return PortalUrls.under(session.getContext().getUri().getBaseUri(), realm.getName(), PortalUrls.INVITATION);
    }

    /**
     * The token of a key made by {@link #link} for this realm: well formed, signed by one of the realm's
     * keys, of our type, issued by this realm. Empty for anything else (nothing is said about why: a
     * forged or mangled key deserves no detail). Expired tokens are returned; see {@code isExpired()}.
     */
    public Optional<InvitationToken> verify(String key) {
        if (!isWellFormed(key)) {
            return Optional.empty();
        }
        InvitationToken token = session.tokens().decode(key, InvitationToken.class);
        if (token == null || token.getInvitationId() == null || token.getEmail() == null) {
            return Optional.empty();
        }
        String issuer = Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
        try {
            TokenVerifier.createWithoutSignature(token)
                    .withChecks(new TokenVerifier.RealmUrlCheck(issuer),
                            new TokenVerifier.TokenTypeCheck(List.of(InvitationToken.TOKEN_TYPE)))
                    .verify();
        } catch (VerificationException e) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    static boolean isWellFormed(String key) {
        return key != null && key.length() <= MAX_LENGTH && WELL_FORMED.matcher(key).matches();
    }
}
