package fr.ceres.keycloak.bench;

import java.util.List;

/**
 * The names the simulation gives its requests and groups, and the pairs the summary compares: one place, so the
 * summary reads exactly what the simulation wrote. Every name carries its target: {@code vanilla}, {@code bundle},
 * or {@code plain} (the bundle's server, a copy of the client ceres, its client scopes included, without the bundle's
 * mapper).
 */
public final class BenchmarkNames {

    /** Two request (or group) names compared: the second's percentiles over the first's. */
    public record Comparison(String label, String base, String compared, String ratioName) {
    }

    private BenchmarkNames() {
    }

    /** The whole browser sign-in: authorization page, username and password pages, code for tokens. */
    public static String login(String target) {
        return "login " + target;
    }

    public static String loginStep(String target, String step) {
        return step(login(target), step);
    }

    /** One request of a flow measured as a whole (a group). */
    public static String step(String flow, String step) {
        return flow + ": " + step;
    }

    public static String refresh(String target) {
        return "refresh " + target;
    }

    public static String clientCredentials(String target) {
        return "client credentials " + target;
    }

    /** The whole sign-up: the registration page, then its form sent. */
    public static String signUp(String target) {
        return "sign-up " + target;
    }

    public static String signUpStep(String target, String step) {
        return step(signUp(target), step);
    }

    /** A public read without session: the pre-fill look-up on the bundle, the discovery document on vanilla. */
    public static String publicRead(String target) {
        return (target.endsWith("vanilla") ? "discovery " : "pre-fill ") + target;
    }

    /** A signed-in portal account's « Rattacher le service Ceres »: its page, its form sent, back to the portal. */
    public static String attach(String target) {
        return "attach " + target;
    }

    /** A signed-in account follows its invitation's link: the page, « Accepter » sent, the page saying so. */
    public static String invitation(String target) {
        return "invitation " + target;
    }

    /** The portal's sign-in before the bundle's own scenarios: not measured. */
    public static String portalSignIn(String target) {
        return "portal sign-in " + target;
    }

    /** A request (or group) of the bundle's own scenarios, which vanilla has no counterpart for. */
    public record BundleOnly(String label, String name) {
    }

    public static final List<BundleOnly> BUNDLE_ONLY = List.of(
            new BundleOnly("attach, whole flow", attach("bundle")),
            new BundleOnly("attach, SIRET and code sent", step(attach("bundle"), "submit")),
            new BundleOnly("invitation accepted, whole flow", invitation("bundle")),
            new BundleOnly("invitation accepted, form sent", step(invitation("bundle"), "accept")));

    public static final List<Comparison> COMPARISONS = List.of(
            new Comparison("login, whole flow", login("vanilla"), login("bundle"), "bundle/vanilla"),
            new Comparison("login, code for tokens", loginStep("vanilla", "token"), loginStep("bundle", "token"), "bundle/vanilla"),
            new Comparison("refresh, client ceres", refresh("vanilla"), refresh("bundle"), "bundle/vanilla"),
            new Comparison("refresh, ceres vs plain (mapper alone)", refresh("plain"), refresh("bundle"), "ceres/plain"),
            new Comparison("client credentials", clientCredentials("vanilla"), clientCredentials("bundle"), "bundle/vanilla"),
            new Comparison("sign-up, whole flow", signUp("vanilla"), signUp("bundle"), "bundle/vanilla"),
            new Comparison("sign-up, form sent", signUpStep("vanilla", "submit"), signUpStep("bundle", "submit"), "bundle/vanilla"),
            new Comparison("pre-fill (bundle) vs discovery (vanilla)", publicRead("vanilla"), publicRead("bundle"), "bundle/vanilla"));
}
