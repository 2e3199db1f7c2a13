package fr.ceres.keycloak.access.invitation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

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

    private final KeycloakSession session;
    private final RealmModel realm;

    public InvitationLinks(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The link to email for the invitation, at its current link version. */
    public URI link(Invitation invitation) {
        return withKey(new InvitationToken(invitation).serialize(session, realm, session.getContext().getUri()));
    }

    /**
     * The link carrying this key, encoded here: a posted key may be anything, and a {@code UriBuilder}
     * would take braces in it for templates.
     */
    URI withKey(String key) {
        return URI.create(page() + "?" + KEY + "=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    /** The invitation page without key: where its form posts. */
    URI page() {
        return PortalUrls.under(session.getContext().getUri().getBaseUri(), realm.getName(), PortalUrls.INVITATION);
    }

    /**
     * The token of a key made by {@link #link} for this realm: signed by one of the realm's keys,
     * of our type, issued by this realm. Empty for anything else (nothing is said about why: a
     * forged or mangled key deserves no detail). Expired tokens are returned; see {@code isExpired()}.
     */
    public Optional<InvitationToken> verify(String key) {
        if (key == null || key.isBlank()) {
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
}
