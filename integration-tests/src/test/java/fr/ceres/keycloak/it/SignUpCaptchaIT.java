package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.PortalHttp;
import fr.ceres.keycloak.it.support.SignUpPage;
import fr.ceres.keycloak.it.support.SolvedCaptcha;
import org.json.JSONObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

/**
 * The sign-up's captcha (form action ceres-captcha, ALTCHA's proof of work) on the shipped realm, where it is on:
 * a browser solves it in the background and says so; a script that does not solve it, or sends a solution again, is
 * refused in French with nothing stored.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
class SignUpCaptchaIT {

    /** The French messages, as the page writes them (apostrophes escaped). */
    private static final String NOT_FINISHED = "La vérification anti-robot n&#39;était pas terminée";
    private static final String NO_LONGER_VALID = "La vérification anti-robot n&#39;est plus valable";

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    /** Where the accepted sign-up's activation email goes. */
    @InjectMailServer
    MailServer mailServer;

    @InjectWebDriver
    ManagedWebDriver browser;

    @Test
    @DisplayName("Given a scripted sign-up without a solved challenge, then the page says so in French, with a new challenge, and no account is stored")
    void unsolvedSignUpIsRefused() throws Exception {
        String email = "sans-captcha@cfa-exemple.fr";
        PortalHttp script = PortalHttp.anonymous(realm.getBaseUrl());
        String page = script.get(SignUpPage.url(realm.getBaseUrl())).body();
        SignUpPage.Form form = SignUpPage.Form.of(page);

        String refused = script.post(form.action(), SignUpPage.postedFields(email)).body();

        assertTrue(refused.contains("id=\"kc-register-form\""), "back on the form: " + refused);
        assertTrue(refused.contains(NOT_FINISHED), refused);
        assertNotEquals(SolvedCaptcha.challengeOf(page), SolvedCaptcha.challengeOf(refused), "a new challenge");
        assertNoAccount(email);
        assertRefusalRecorded("missing");

        Map<String, String> forged = form.with(SignUpPage.postedFields(email));
        forged.put(SolvedCaptcha.FIELD, Base64.getEncoder().encodeToString(
                new String(Base64.getDecoder().decode(form.captcha()), StandardCharsets.UTF_8)
                        .replaceFirst("\"number\":\\d+", "\"number\":0").getBytes(StandardCharsets.UTF_8)));
        String wrong = script.post(PortalHttp.formAction(refused, "kc-register-form").orElseThrow(), forged).body();
        assertTrue(wrong.contains(NO_LONGER_VALID), "a wrong number refused: " + wrong);
        assertNoAccount(email);
    }

    @Test
    @DisplayName("Given a solution that served one sign-up, when a script sends it again with another sign-up, then it is refused in French and nothing is stored")
    void replayedSolutionIsRefused() throws Exception {
        PortalHttp first = PortalHttp.anonymous(realm.getBaseUrl());
        SignUpPage.Form solved = SignUpPage.form(first, realm.getBaseUrl());
        String accepted = first.follow(first.post(solved.action(), solved.with(SignUpPage.postedFields("premier@cfa-exemple.fr")))).body();
        assertTrue(accepted.contains("Activez votre compte"), accepted);

        PortalHttp replayer = PortalHttp.anonymous(realm.getBaseUrl());
        SignUpPage.Form another = SignUpPage.form(replayer, realm.getBaseUrl());
        Map<String, String> replay = another.with(SignUpPage.postedFields("rejoue@cfa-exemple.fr"));
        replay.put(SolvedCaptcha.FIELD, solved.captcha());
        String refused = replayer.post(another.action(), replay).body();

        assertTrue(refused.contains("id=\"kc-register-form\""), "back on the form: " + refused);
        assertTrue(refused.contains(NO_LONGER_VALID), refused);
        assertNoAccount("rejoue@cfa-exemple.fr");
        assertRefusalRecorded("replayed");
    }

    @Test
    @DisplayName("Given the sign-up page in a browser, then the widget solves its challenge in the background, in French, and the live region says it is done")
    void browserSolvesInTheBackground() {
        SignUpPage page = new SignUpPage(browser.driver()).open(realm.getBaseUrl());
        page.awaitCaptcha();

        WebDriver driver = browser.driver();
        assertTrue(driver.findElement(By.id("ceres-captcha")).getText().contains("Vérification anti-robot réussie"),
                driver.findElement(By.id("ceres-captcha")).getText());
        assertEquals("Vérification anti-robot terminée : vous pouvez envoyer le formulaire.",
                driver.findElement(By.id("ceres-captcha-status")).getAttribute("textContent"));
        assertEquals("status", driver.findElement(By.id("ceres-captcha-status")).getAttribute("role"));
        assertTrue(driver.findElements(By.cssSelector("#ceres-captcha a")).isEmpty(), "no link out of the page");
    }

    /**
     * What the default cost takes a browser. The widget solves in web workers, which Chromium's CPU throttling does not
     * slow down: its own timings are taken unthrottled; a slow device is then the same search (one hash per number,
     * through WebCrypto, as the widget's worker does it) run on the page's main thread with the CPU throttled 4× (a
     * mid-range phone) and 6× (a slow one). A measurement, not a check: {@code -Dceres.captcha.measure=true}; figures
     * in target/captcha-cost.txt.
     */
    @Test
    @EnabledIfSystemProperty(named = "ceres.captcha.measure", matches = "true")
    void measureSolvingTime() throws IOException {
        WebDriver driver = browser.driver();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        List<String> lines = new ArrayList<>();
        long numbers = 0;
        double millis = 0;
        List<Long> took = new ArrayList<>();
        long maxNumber = 0;
        for (int run = 0; run < Integer.getInteger("ceres.captcha.measure.runs", 8); run++) {
            new SignUpPage(driver).open(realm.getBaseUrl()).awaitCaptcha();
            JSONObject payload = new JSONObject(new String(Base64.getDecoder().decode(
                    driver.findElement(By.cssSelector("input[name=altcha]")).getDomProperty("value")), StandardCharsets.UTF_8));
            maxNumber = new JSONObject(SolvedCaptcha.challengeOf(driver.getPageSource())).getLong("maxnumber");
            numbers += payload.getLong("number");
            millis += Math.max(1, payload.getDouble("took"));
            took.add(Math.round(payload.getDouble("took")));
        }
        Object workers = js.executeScript("return navigator.hardwareConcurrency");
        lines.add(String.format("widget, %s workers, unthrottled: %.0f hashes/s; max number %d: %.2f s on average, %.2f s at worst;"
                + " solving times (ms): %s", workers, numbers / millis * 1000, maxNumber, maxNumber / 2.0 / (numbers / millis) / 1000,
                maxNumber / (numbers / millis) / 1000, took));

        HasCdp cdp = (HasCdp) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        for (int rate : List.of(1, 4, 6)) {
            cdp.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", rate));
            double perSecond = ((Number) js.executeAsyncScript(SEARCH_ON_MAIN_THREAD)).doubleValue();
            cdp.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 1));
            lines.add(String.format("one thread, CPU %dx: %.0f hashes/s; max number %d: %.2f s on average, %.2f s at worst"
                    + " (one worker; half with two)", rate, perSecond, maxNumber, maxNumber / 2.0 / perSecond, maxNumber / perSecond));
        }
        Files.write(Path.of("target", "captcha-cost.txt"), lines);
        lines.forEach(System.out::println);
    }

    /** The widget's search for three seconds on the page's main thread; calls back with the hashes per second. */
    private static final String SEARCH_ON_MAIN_THREAD = """
            const done = arguments[arguments.length - 1];
            const encoder = new TextEncoder();
            const nonce = encoder.encode("0123456789abcdef01234567?expires=1790000000&");
            const prefix = new Uint8Array(32);
            (async () => {
              const start = performance.now();
              let n = 0;
              while (performance.now() - start < 3000) {
                const counter = encoder.encode(n.toString());
                const password = new Uint8Array(nonce.length + counter.length);
                password.set(nonce, 0);
                password.set(counter, nonce.length);
                const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", password));
                if (hash.every((b, i) => b === prefix[i])) break;
                n++;
              }
              done(n / (performance.now() - start) * 1000);
            })();
            """;

    private void assertNoAccount(String email) {
        assertTrue(realm.admin().users().searchByEmail(email, true).isEmpty(), "no account for " + email);
    }

    /** The refusal is in the realm's events: a registration error saying why. */
    private void assertRefusalRecorded(String reason) {
        List<EventRepresentation> events = realm.admin().getEvents(List.of("REGISTER_ERROR"), null, null, null, null, null, 0, 100);
        assertTrue(events.stream().anyMatch(e -> e.getDetails() != null && reason.equals(e.getDetails().get("ceres_captcha"))),
                "a REGISTER_ERROR with ceres_captcha=" + reason + " in " + events.stream().map(EventRepresentation::getDetails).toList());
    }
}
