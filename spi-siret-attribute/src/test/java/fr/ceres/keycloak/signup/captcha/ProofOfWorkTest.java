package fr.ceres.keycloak.signup.captcha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.altcha.altcha.Altcha;
import org.json.JSONObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProofOfWorkTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final long COST = 2_000;

    private final ProofOfWork proofOfWork = new ProofOfWork(KEY);
    /** Keycloak's single-use store, on one node: the claims made, with their lifespans. */
    private final Map<String, Long> claims = new HashMap<>();
    private final ProofOfWork.FirstUse store = (id, lifespan) -> claims.putIfAbsent(id, lifespan) == null;

    @Test
    @DisplayName("A right solution of a fresh challenge is accepted, and claimed until the challenge expires")
    void rightSolutionIsAccepted() throws Exception {
        String payload = solve(proofOfWork.challenge(COST, Instant.now().plusSeconds(600)));

        assertEquals(ProofOfWork.Verdict.SOLVED, proofOfWork.check(payload, store));
        assertEquals(1, claims.size());
        long lifespan = claims.values().iterator().next();
        assertTrue(lifespan > 590 && lifespan <= 600 + ProofOfWork.CLOCK_SKEW_SECONDS, "lifespan " + lifespan);
    }

    @Test
    @DisplayName("The same solution posted again is refused as a replay")
    void replayIsRefused() throws Exception {
        String payload = solve(proofOfWork.challenge(COST, Instant.now().plusSeconds(600)));

        assertEquals(ProofOfWork.Verdict.SOLVED, proofOfWork.check(payload, store));
        assertEquals(ProofOfWork.Verdict.REPLAYED, proofOfWork.check(payload, store));
    }

    @Test
    @DisplayName("A wrong number is refused, and claims nothing")
    void wrongSolutionIsRefused() throws Exception {
        JSONObject solution = new JSONObject(decode(solve(proofOfWork.challenge(COST, Instant.now().plusSeconds(600)))));
        solution.put("number", solution.getLong("number") + 1);

        assertEquals(ProofOfWork.Verdict.INVALID, proofOfWork.check(encode(solution), store));
        assertTrue(claims.isEmpty());
    }

    @Test
    @DisplayName("A right solution of an expired challenge is refused")
    void expiredChallengeIsRefused() throws Exception {
        String payload = solve(proofOfWork.challenge(COST, Instant.now().minusSeconds(1)));

        assertEquals(ProofOfWork.Verdict.INVALID, proofOfWork.check(payload, store));
        assertTrue(claims.isEmpty());
    }

    @Test
    @DisplayName("A challenge signed with another key, or whose salt was changed (its expiry pushed back), is refused")
    void tamperedChallengeIsRefused() throws Exception {
        String otherKeys = solve(new ProofOfWork("another key").challenge(COST, Instant.now().plusSeconds(600)));
        assertEquals(ProofOfWork.Verdict.INVALID, proofOfWork.check(otherKeys, store));

        JSONObject expired = new JSONObject(decode(solve(proofOfWork.challenge(COST, Instant.now().minusSeconds(1)))));
        String later = Long.toString(Instant.now().plusSeconds(600).getEpochSecond());
        String salt = expired.getString("salt").replaceAll("expires=\\d+", "expires=" + later);
        expired.put("salt", salt).put("challenge", Altcha.hashHex(Altcha.Algorithm.SHA256, salt + expired.getLong("number")));
        assertEquals(ProofOfWork.Verdict.INVALID, proofOfWork.check(encode(expired), store));

        JSONObject forged = new JSONObject(decode(solve(proofOfWork.challenge(COST, Instant.now().plusSeconds(600)))));
        String signature = forged.getString("signature");
        forged.put("signature", signature.substring(0, 63) + (signature.endsWith("0") ? "1" : "0"));
        assertEquals(ProofOfWork.Verdict.INVALID, proofOfWork.check(encode(forged), store));
        assertTrue(claims.isEmpty());
    }

    @Test
    @DisplayName("No payload is missing; a payload that is not base64 JSON with every field is invalid")
    void missingOrMalformedPayload() {
        assertEquals(ProofOfWork.Verdict.MISSING, proofOfWork.check(null, store));
        assertEquals(ProofOfWork.Verdict.MISSING, proofOfWork.check(" ", store));
        assertEquals(ProofOfWork.Verdict.INVALID, proofOfWork.check("not base64!", store));
        assertEquals(ProofOfWork.Verdict.INVALID, proofOfWork.check(encode(new JSONObject().put("number", 1)), store));
        assertEquals(ProofOfWork.Verdict.INVALID, proofOfWork.check(
                Base64.getEncoder().encodeToString("[1,2]".getBytes(StandardCharsets.UTF_8)), store));
        assertTrue(claims.isEmpty());
    }

    @Test
    @DisplayName("The challenge is ALTCHA's first protocol, its cost as asked and its number never above it")
    void challengeShape() {
        JSONObject challenge = new JSONObject(proofOfWork.challenge(COST, Instant.now().plusSeconds(600)));

        assertEquals("SHA-256", challenge.getString("algorithm"));
        assertEquals(COST, challenge.getLong("maxnumber"));
        assertTrue(challenge.getString("salt").contains("?expires="), challenge.getString("salt"));
        assertTrue(challenge.getString("signature").matches("[0-9a-f]{64}"));
    }

    /** What the page's widget posts: the challenge solved, base64 JSON. */
    static String solve(String challengeJson) throws Exception {
        JSONObject challenge = new JSONObject(challengeJson);
        Altcha.Solution solution = Altcha.solveChallenge(challenge.getString("challenge"), challenge.getString("salt"),
                Altcha.Algorithm.SHA256, challenge.getLong("maxnumber"), 0);
        return encode(new JSONObject()
                .put("algorithm", challenge.getString("algorithm"))
                .put("challenge", challenge.getString("challenge"))
                .put("number", solution.number)
                .put("salt", challenge.getString("salt"))
                .put("signature", challenge.getString("signature")));
    }

    private static String encode(JSONObject json) {
        return Base64.getEncoder().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String payload) {
        return new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8);
    }
}
