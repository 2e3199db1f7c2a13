package fr.ceres.keycloak.signup.captcha;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The key that signs the realm's captcha challenges, derived from the realm's active HMAC key: the same on every
 * node (the realm's keys live in the database), stored nowhere, and not the realm key itself, which signs tokens.
 * When the realm's key is rotated, challenges already shown are refused once and the page offers a new one.
 */
final class ChallengeKey {

    /** What the derived key is for: another use of the realm key would derive another key. */
    private static final byte[] PURPOSE = "ceres sign-up captcha".getBytes(StandardCharsets.UTF_8);
    private static final String HMAC = "HmacSHA256";

    private ChallengeKey() {
    }

    static String of(KeycloakSession session, RealmModel realm) {
        KeyWrapper realmKey = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(realmKey.getSecretKey().getEncoded(), HMAC));
            return HexFormat.of().formatHex(mac.doFinal(PURPOSE));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the captcha key", e);
        }
    }
}
