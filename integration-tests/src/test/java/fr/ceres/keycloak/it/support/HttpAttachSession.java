package fr.ceres.keycloak.it.support;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One person signing in to Ceres over plain HTTP ({@link PortalHttp}: own cookies, redirects followed by
 * hand) up to the attach page, then sending its form. Lets a test have many people post the form at the
 * same instant, which real browsers on one machine cannot.
 */
public final class HttpAttachSession {

    private static final String ATTACH_FORM = "ceres-attach-form";

    private final PortalHttp browser;
    private final String realmUrl;
    private final String redirectUri;
    private final String verifier = CeresAuthorization.randomVerifier();
    private String attachAction;

    public HttpAttachSession(String realmUrl) {
        this(PortalHttp.anonymous(realmUrl), realmUrl);
    }

    /** The session of the given browser (one with its own deadline, say). */
    public HttpAttachSession(PortalHttp browser, String realmUrl) {
        this(browser, realmUrl, CeresSignIn.REDIRECT_URI);
    }

    /** The session of Ceres at another address than the tests' usual one (a production start's). */
    public HttpAttachSession(PortalHttp browser, String realmUrl, String redirectUri) {
        this.realmUrl = realmUrl;
        this.browser = browser;
        this.redirectUri = redirectUri;
    }

    /** Signs in to Ceres; the person has no habilitation, so Keycloak stops on the attach page. */
    public HttpAttachSession signIn(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = browser.signInFrom(realmUrl + "/protocol/openid-connect/auth?client_id=ceres&response_type=code"
                + "&scope=openid&redirect_uri=" + CeresAuthorization.encode(redirectUri)
                + "&code_challenge_method=S256&code_challenge=" + CeresAuthorization.challenge(verifier),
                email, password, url -> url.startsWith(redirectUri));
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

    /** Whether the answer is the redirect to the tests' usual application with an authorization code. */
    public static boolean isCodeForTheApplication(HttpResponse<String> response) {
        return isCodeFor(CeresSignIn.REDIRECT_URI, response);
    }

    /** Whether the answer is the redirect to this session's application with an authorization code. */
    public boolean givesCode(HttpResponse<String> response) {
        return isCodeFor(redirectUri, response);
    }

    /** The application's side of that redirect: its code exchanged, with the client secret, for the tokens. */
    public JsonNode tokens(HttpResponse<String> codeRedirect, String clientSecret) throws IOException, InterruptedException {
        String code = CeresSignIn.queryParam(codeRedirect.headers().firstValue("Location").orElseThrow(), "code");
        return CeresAuthorization.exchange(realmUrl, redirectUri, code, verifier, clientSecret);
    }

    /** The page an answer leads to within Keycloak (its redirects followed). */
    public String pageAfter(HttpResponse<String> response) throws IOException, InterruptedException {
        return browser.follow(response, url -> url.startsWith(redirectUri)).body();
    }

    private static boolean isCodeFor(String redirectUri, HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElse("");
        return response.statusCode() == 302 && location.startsWith(redirectUri) && location.contains("code=");
    }
}
