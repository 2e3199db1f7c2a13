package fr.ceres.keycloak.access.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import fr.ceres.keycloak.centre.habilitation.CeresRole;

/**
 * What {@code CERES_INVITATION.LIVE_KEY} holds while a row is PENDING. The email enters as its
 * SHA-256 so the key stays short (at most 124 characters) whatever the address's length: a unique
 * index on a 300-character column would exceed SQL Server's 900-byte index key limit.
 */
final class InvitationKeys {

    private InvitationKeys() {
    }

    /** Realm, centre, SIRET, role and (lower-case) email: one pending invitation per habilitation and person. */
    static String invitation(String realmId, String centre, String siret, CeresRole role, String email) {
        return String.join("/", realmId, centre, siret, role.id(), sha256(email));
    }

    /** Realm, centre and requester: one pending access request per person and centre. */
    static String request(String realmId, String centre, String userId) {
        return String.join("/", realmId, centre, userId);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
