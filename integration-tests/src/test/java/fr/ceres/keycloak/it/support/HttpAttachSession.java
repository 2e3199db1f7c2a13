package fr.ceres.keycloak.it.support;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * One person signing in to Ceres over plain HTTP ({@link PortalHttp}: own cookies, redirects followed by
 * hand) up to the attach page, then sending its form. Lets a test have many people post the form at the
 * same instant, which real browsers on one machine cannot.
 */
public final class HttpAttachSession {

    private static final String ATTACH_FORM = "ceres-attach-form";

    private final PortalHttp browser;
    private final String realmUrl;
    private String attachAction;

    public HttpAttachSession(String realmUrl) {
        this(PortalHttp.anonymous(realmUrl), realmUrl);
    }

    /** The session of the given browser (one with its own deadline, say). */
    public HttpAttachSession(PortalHttp browser, String realmUrl) {
        this.realmUrl = realmUrl;
        this.browser = browser;
    }

    /** Signs in to Ceres; the person has no habilitation, so Keycloak stops on the attach page. */
    public HttpAttachSession signIn(String email, String password) throws IOException, InterruptedException {
        String verifier = CeresAuthorization.randomVerifier();
        HttpResponse<String> page = browser.signInFrom(realmUrl + "/protocol/openid-connect/auth?client_id=ceres&response_type=code"
                + "&scope=openid&redirect_uri=" + CeresAuthorization.encode(CeresSignIn.REDIRECT_URI)
                + "&code_challenge_method=S256&code_challenge=" + CeresAuthorization.challenge(verifier),
                email, password, HttpAttachSession::isApplication);
        attachAction = PortalHttp.formAction(page.body(), ATTACH_FORM)
                .orElseThrow(() -> new AssertionError("the attach page did not come: " + page.body()));
        return this;
    }

    /** Sends the attach form; returns where Keycloak sends the browser next. */
    public HttpResponse<String> attach(String siret, String code) throws IOException, InterruptedException {
        HttpResponse<String> response = browser.post(attachAction, Map.of("siret", siret, "code", code, "attach", ""));
        // A refused attempt shows the form again, with the action of the next attempt.
        PortalHttp.formAction(response.body(), ATTACH_FORM).ifPresent(action -> attachAction = action);
        return response;
    }

    /** Whether the answer is the redirect to the application with an authorization code. */
    public static boolean isCodeForTheApplication(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElse("");
        return response.statusCode() == 302 && isApplication(location) && location.contains("code=");
    }

    /** The page an answer leads to within Keycloak (its redirects followed). */
    public String pageAfter(HttpResponse<String> response) throws IOException, InterruptedException {
        return browser.follow(response, HttpAttachSession::isApplication).body();
    }

    private static boolean isApplication(String url) {
        return url.startsWith(CeresSignIn.REDIRECT_URI);
    }
}
