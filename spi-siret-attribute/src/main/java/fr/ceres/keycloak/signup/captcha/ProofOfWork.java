package fr.ceres.keycloak.signup.captcha;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.altcha.altcha.Altcha;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * ALTCHA's proof of work, as the sign-up page uses it: a challenge the browser solves by trying numbers until one
 * hashes to it, signed with a key only the server knows, and a solution accepted once.
 *
 * <p>The challenge and its solution are ALTCHA's first protocol (SHA-256, {@code maxnumber}, {@code salt},
 * {@code signature}), which is the one the Java library speaks. The expiry travels in the salt, so it is signed too.
 */
final class ProofOfWork {

    /** What a posted solution turned out to be. */
    enum Verdict {
        SOLVED, MISSING, INVALID, REPLAYED
    }

    /** Claims a solved challenge for good: true the first time, on any node, false ever after. */
    @FunctionalInterface
    interface FirstUse {
        boolean claim(String id, long lifespanSeconds);
    }

    /** Key prefix of the claimed challenges in Keycloak's single-use store. */
    static final String CLAIM_PREFIX = "ceres-captcha:";
    /**
     * Kept this much longer than the challenge lives: the node that checks the expiry may run a little behind the one
     * whose claim must still be there.
     */
    static final long CLOCK_SKEW_SECONDS = 60;

    private final String hmacKey;

    /** {@code hmacKey} signs and checks the challenges; whoever knows it can sign challenges without any work. */
    ProofOfWork(String hmacKey) {
        this.hmacKey = hmacKey;
    }

    /**
     * A new challenge, as JSON for the widget: a random number below {@code maxNumber} to find (half of it tried on
     * average), valid until {@code expiresAt}.
     */
    String challenge(long maxNumber, Instant expiresAt) {
        try {
            Altcha.Challenge challenge = Altcha.createChallenge(new Altcha.ChallengeOptions()
                    .setHmacKey(hmacKey)
                    .setMaxNumber(maxNumber)
                    // A guessable number would let a script skip the search.
                    .setSecureRandomNumber(true)
                    .setExpires(expiresAt.getEpochSecond()));
            return new JSONObject()
                    .put("algorithm", challenge.algorithm)
                    .put("challenge", challenge.challenge)
                    .put("maxnumber", challenge.maxnumber)
                    .put("salt", challenge.salt)
                    .put("signature", challenge.signature)
                    .toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a captcha challenge", e);
        }
    }

    /**
     * Checks a posted solution (the widget's base64 payload): a number that hashes to a challenge this server signed,
     * not expired, then claimed through {@code firstUse} so that it serves once.
     */
    Verdict check(String payload, FirstUse firstUse) {
        if (payload == null || payload.isBlank()) {
            return Verdict.MISSING;
        }
        Optional<Altcha.Payload> solution = parse(payload);
        if (solution.isEmpty()) {
            return Verdict.INVALID;
        }
        Optional<Long> expiresAt = verifiedExpiry(solution.get());
        if (expiresAt.isEmpty()) {
            return Verdict.INVALID;
        }
        long lifespan = Math.max(0, expiresAt.get() - Instant.now().getEpochSecond()) + CLOCK_SKEW_SECONDS;
        return firstUse.claim(CLAIM_PREFIX + solution.get().challenge, lifespan) ? Verdict.SOLVED : Verdict.REPLAYED;
    }

    /** The payload's fields; empty when it is not base64 JSON with them all. */
    private static Optional<Altcha.Payload> parse(String payload) {
        try {
            JSONObject json = new JSONObject(new String(Base64.getDecoder().decode(payload.strip()), StandardCharsets.UTF_8));
            Altcha.Payload solution = new Altcha.Payload();
            solution.algorithm = json.getString("algorithm");
            solution.challenge = json.getString("challenge");
            solution.number = json.getLong("number");
            solution.salt = json.getString("salt");
            solution.signature = json.getString("signature");
            return Optional.of(solution);
        } catch (IllegalArgumentException | JSONException notAPayload) {
            return Optional.empty();
        }
    }

    /**
     * The expiry of a solution that is right, signed with this key and not expired; empty otherwise. Every challenge
     * this class makes has an expiry: one without was not made here.
     */
    private Optional<Long> verifiedExpiry(Altcha.Payload solution) {
        try {
            String expires = Altcha.extractParams(solution.salt).get("expires");
            if (expires == null || !Altcha.verifySolution(solution, hmacKey, true)) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(expires));
        } catch (Exception malformed) {
            // An unknown algorithm, an expiry that is no number: nothing this server signed.
            return Optional.empty();
        }
    }
}
