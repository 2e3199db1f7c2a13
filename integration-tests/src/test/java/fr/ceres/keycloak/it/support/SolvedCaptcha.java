package fr.ceres.keycloak.it.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.altcha.altcha.Altcha;
import org.json.JSONObject;

/**
 * The sign-up's captcha solved as the page's widget solves it (ALTCHA's library does the same search), for the tests
 * that post the sign-up form without a browser.
 */
public final class SolvedCaptcha {

    /** The form field the widget posts its solution in. */
    public static final String FIELD = "altcha";

    private static final Pattern CHALLENGE = Pattern.compile("<altcha-widget[^>]*\\schallenge=\"([^\"]+)\"");

    private SolvedCaptcha() {
    }

    /** The solution of the challenge a sign-up page carries. */
    public static String of(String page) {
        return solve(challengeOf(page));
    }

    /** The challenge (JSON) a sign-up page carries. */
    public static String challengeOf(String page) {
        Matcher challenge = CHALLENGE.matcher(page);
        if (!challenge.find()) {
            throw new AssertionError("no captcha on the page: " + page);
        }
        return challenge.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    /** What the widget posts for {@code challengeJson}: the number found, with the signed challenge, base64 JSON. */
    public static String solve(String challengeJson) {
        JSONObject challenge = new JSONObject(challengeJson);
        try {
            Altcha.Solution solution = Altcha.solveChallenge(challenge.getString("challenge"), challenge.getString("salt"),
                    Altcha.Algorithm.fromString(challenge.getString("algorithm")), challenge.getLong("maxnumber"), 0);
            if (solution == null) {
                throw new AssertionError("no solution below maxnumber: " + challengeJson);
            }
            JSONObject payload = new JSONObject()
                    .put("algorithm", challenge.getString("algorithm"))
                    .put("challenge", challenge.getString("challenge"))
                    .put("number", solution.number)
                    .put("salt", challenge.getString("salt"))
                    .put("signature", challenge.getString("signature"));
            return Base64.getEncoder().encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("cannot solve " + challengeJson, e);
        }
    }
}
