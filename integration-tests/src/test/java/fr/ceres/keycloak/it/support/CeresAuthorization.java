package fr.ceres.keycloak.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Ceres's authorization request (code + PKCE S256) in the browser, in steps, so a test can stop on
 * the pages Keycloak shows in between (the attach page) and look at where the browser is sent at
 * the end. The application's redirect URI is not served during tests: the browser only goes there.
 */
public final class CeresAuthorization {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebDriver driver;
    private final String realmUrl;
    private final String clientSecret;
    private final String verifier = randomVerifier();

    public CeresAuthorization(WebDriver driver, String realmUrl, String clientSecret) {
        this.driver = FrenchBrowser.of(driver);
        this.realmUrl = realmUrl;
        this.clientSecret = clientSecret;
    }

    /** Opens the authorization request in a fresh browser session; {@code extraQuery} like "&kc_action=…" or "". */
    public CeresAuthorization open(String extraQuery) {
        driver.get(realmUrl + "/.well-known/openid-configuration");
        driver.manage().deleteAllCookies();
        return openKeepingSession(extraQuery);
    }

    /** Opens the authorization request in the browser's current session (single sign-on). */
    public CeresAuthorization openKeepingSession(String extraQuery) {
        driver.get(realmUrl + "/protocol/openid-connect/auth?client_id=ceres&response_type=code&scope=openid"
                + "&redirect_uri=" + encode(CeresSignIn.REDIRECT_URI) + "&code_challenge_method=S256&code_challenge="
                + challenge(verifier) + extraQuery);
        return this;
    }

    public CeresAuthorization logIn(String email, String password) {
        driver.findElement(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        return this;
    }

    /** A parameter of the application's redirect URI, once the browser has been sent there. */
    public Optional<String> callbackParam(String name) {
        String url = driver.getCurrentUrl();
        if (!url.startsWith(CeresSignIn.REDIRECT_URI)) {
            return Optional.empty();
        }
        String query = Optional.ofNullable(URI.create(url).getRawQuery()).orElse("");
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name) && parts.length == 2) {
                return Optional.of(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** Exchanges the code the browser was sent back with; returns the token response. */
    public JsonNode tokens() throws IOException, InterruptedException {
        String code = callbackParam("code").orElseThrow(() -> new AssertionError("no code in " + driver.getCurrentUrl()));
        driver.get("about:blank");
        return exchange(realmUrl, CeresSignIn.REDIRECT_URI, code, verifier, clientSecret);
    }

    /** The application's side: the code and its PKCE verifier exchanged with the client secret at the token endpoint. */
    static JsonNode exchange(String realmUrl, String redirectUri, String code, String verifier, String clientSecret)
            throws IOException, InterruptedException {
        String form = "grant_type=authorization_code&code=" + encode(code) + "&redirect_uri=" + encode(redirectUri)
                + "&code_verifier=" + encode(verifier) + "&client_id=ceres&client_secret=" + encode(clientSecret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A fresh PKCE verifier: 32 random bytes, base64url. */
    public static String randomVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The S256 challenge of a PKCE verifier. */
    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
