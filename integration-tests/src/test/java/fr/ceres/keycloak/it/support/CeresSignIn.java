package fr.ceres.keycloak.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signs a person in to the client {@code ceres} as the application does: authorization code with
 * PKCE S256 in the browser, then the code exchanged with the client secret. The application's
 * redirect URI is not served during tests: the browser only needs to be sent there.
 */
public final class CeresSignIn {

    public static final String REDIRECT_URI = "http://localhost:8081/callback";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebDriver driver;
    private final String realmUrl;
    private final String clientSecret;

    public CeresSignIn(WebDriver driver, String realmUrl, String clientSecret) {
        this.driver = FrenchBrowser.of(driver);
        this.realmUrl = realmUrl;
        this.clientSecret = clientSecret;
    }

    /** Returns the token response: access_token, id_token… */
    public JsonNode signIn(String email, String password) throws IOException, InterruptedException {
        String verifier = CeresAuthorization.randomVerifier();
        // A fresh browser session: the realm's cookies go, whatever page the browser was on.
        driver.get(realmUrl + "/.well-known/openid-configuration");
        driver.manage().deleteAllCookies();
        driver.get(realmUrl + "/protocol/openid-connect/auth?client_id=ceres&response_type=code&scope=openid"
                + "&redirect_uri=" + CeresAuthorization.encode(REDIRECT_URI) + "&code_challenge_method=S256&code_challenge="
                + CeresAuthorization.challenge(verifier));
        PageActions.waitFor(driver, By.id("username")).sendKeys(email);
        PageActions.waitFor(driver, By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        String code = queryParam(landing(), "code");
        // Leave the application's address: nothing listens there during tests.
        driver.get("about:blank");
        return CeresAuthorization.exchange(realmUrl, REDIRECT_URI, code, verifier, clientSecret);
    }

    /**
     * Where the browser lands after the password, read once it has left Keycloak for the application,
     * not while the click's navigation is still under way.
     */
    private String landing() {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .withMessage(() -> "not redirected to the application: " + driver.getCurrentUrl())
                .until(d -> d.getCurrentUrl().startsWith(REDIRECT_URI));
        return driver.getCurrentUrl();
    }

    /** The claims of a JWT, read without checking its signature (the test trusts its own server). */
    public static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** A parameter of an address's query, decoded. */
    static String queryParam(String url, String name) {
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            throw new AssertionError("not redirected to the application: " + url);
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name)) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + url);
    }
}
