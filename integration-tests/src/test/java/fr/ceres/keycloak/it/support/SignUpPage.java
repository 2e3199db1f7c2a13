package fr.ceres.keycloak.it.support;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The "Créer mon compte" page of the ceres login theme. */
public final class SignUpPage {

    /** A fixed S256 challenge: the account console client requires PKCE even to start a sign-up. */
    private static final String CODE_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    /** Generous: the widget's work shares the test machine's cores with the server and the other tests. */
    private static final Duration CAPTCHA_WAIT = Duration.ofSeconds(60);

    private final WebDriver driver;

    public SignUpPage(WebDriver driver) {
        this.driver = FrenchBrowser.of(driver);
    }

    public static String url(String realmUrl) {
        String redirect = URLEncoder.encode(realmUrl + "/account/", StandardCharsets.UTF_8);
        return realmUrl + "/protocol/openid-connect/registrations?client_id=account-console&response_type=code"
                + "&scope=openid&code_challenge_method=S256&code_challenge=" + CODE_CHALLENGE
                + "&redirect_uri=" + redirect;
    }

    /**
     * The sign-up form as a page served it, for a client without a browser: where it posts, and the page's captcha
     * solved as its widget would.
     */
    public record Form(String action, String captcha) {

        public static Form of(String page) {
            return new Form(PortalHttp.formAction(page, "kc-register-form").orElseThrow(() -> new AssertionError(page)),
                    SolvedCaptcha.of(page));
        }

        /** {@code fields} with the solved captcha, as the page posts them. */
        public Map<String, String> with(Map<String, String> fields) {
            Map<String, String> posted = new LinkedHashMap<>(fields);
            posted.put(SolvedCaptcha.FIELD, captcha);
            return posted;
        }
    }

    /** Over plain HTTP: opens the sign-up page in {@code visitor}'s session, and returns its form. */
    public static Form form(PortalHttp visitor, String realmUrl) throws IOException, InterruptedException {
        return Form.of(visitor.get(url(realmUrl)).body());
    }

    /** Over plain HTTP: signs up with {@code fields}; returns the page that follows, « Activez votre compte ». */
    public static String signUp(PortalHttp visitor, String realmUrl, Map<String, String> fields)
            throws IOException, InterruptedException {
        Form form = form(visitor, realmUrl);
        String sent = visitor.follow(visitor.post(form.action(), form.with(fields))).body();
        if (!sent.contains("Activez votre compte")) {
            throw new AssertionError("the sign-up did not end on « Activez votre compte »: " + sent);
        }
        return sent;
    }

    /**
     * A new sign-up, nobody signed in. The cookies go while the browser is on a page without Keycloak's session
     * scripts: a sign-up page left open would see them go and reload itself over the page being opened.
     */
    public SignUpPage open(String realmUrl) {
        FrenchBrowser.fresh(driver, realmUrl);
        driver.get(url(realmUrl));
        return this;
    }

    public SignUpPage fill(Applicant applicant) {
        type("email", applicant.email());
        type("password", applicant.password());
        type("password-confirm", applicant.passwordConfirm());
        type("siret", applicant.siret());
        type("lastName", applicant.lastName());
        type("firstName", applicant.firstName());
        type("telephone", applicant.telephone());
        if (applicant.civilite() != null) {
            driver.findElement(By.id("civilite-" + applicant.civilite())).click();
        }
        return this;
    }

    /**
     * Every field but the address (fixed when signing up from an invitation); the company fields come from the SIRET.
     * Returns once the captcha is solved: the callers press the button themselves.
     */
    public SignUpPage fillAllButTheAddress() {
        type("password", Applicant.PASSWORD);
        type("password-confirm", Applicant.PASSWORD);
        type("siret", "418 239 679 00016");
        driver.findElement(By.id("civilite-monsieur")).click();
        type("lastName", "Nouveau");
        type("firstName", "Nathan");
        type("telephone", "06 12 34 56 78");
        return awaitCaptcha();
    }

    public void type(String field, String value) {
        WebElement input = driver.findElement(By.id(field));
        input.clear();
        if (value != null) {
            input.sendKeys(value);
        }
    }

    public String value(String field) {
        return driver.findElement(By.id(field)).getDomProperty("value");
    }


    /** Waits for the register page script to fill a company field from the SIRET. */
    public String awaitPrefill(String field) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> {
                    String value = value(field);
                    return value == null || value.isBlank() ? null : value;
                });
    }

    public String siretStatus() {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> {
                    String text = d.findElement(By.id("ceres-siret-status")).getText();
                    return text.isBlank() ? null : text;
                });
    }

    /** Like a person pressing « Créer mon compte » once the box « Je ne suis pas un robot » is ticked. */
    public void submit() {
        awaitCaptcha();
        clickAndAwaitNextPage(By.cssSelector("#kc-register-form [type=submit]:not([name=ceresResend])"));
    }

    /**
     * Waits until the page's captcha widget has solved its challenge in the background (its hidden field holds the
     * solution); at once when the page has no captcha.
     */
    public SignUpPage awaitCaptcha() {
        new WebDriverWait(driver, CAPTCHA_WAIT).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const widget = document.querySelector('altcha-widget');"
                        + "const solution = widget && widget.querySelector('input[name=altcha]');"
                        + "return !widget || !!(solution && solution.value);"));
        return this;
    }

    public void resendActivationLink() {
        clickAndAwaitNextPage(By.id("ceres-resend"));
    }

    /** Clicks, then waits until the browser has left the current page for the server's answer. */
    public void clickAndAwaitNextPage(By target) {
        WebElement body = driver.findElement(By.tagName("body"));
        driver.findElement(target).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(body));
    }

    public String fieldError(String field) {
        List<WebElement> errors = driver.findElements(By.id("input-error-" + field));
        return errors.isEmpty() ? "" : errors.get(0).getText();
    }

    public String globalMessage() {
        List<WebElement> messages = driver.findElements(By.className("kc-feedback-text"));
        return messages.isEmpty() ? "" : messages.get(0).getText();
    }

    public String heading() {
        return driver.findElement(By.id("kc-page-title")).getText();
    }

    /** A valid sign-up as the page posts it: the SIRET of the demo register, its company fields typed. */
    public static Map<String, String> postedFields(String email) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", email);
        fields.put("password", Applicant.PASSWORD);
        fields.put("password-confirm", Applicant.PASSWORD);
        fields.put("siret", "73282932000074");
        fields.put("raisonSociale", "CENTRE DE FORMATION PROFESSIONNELLE LES TILLEULS");
        fields.put("adresse", "12 RUE DES LILAS");
        fields.put("commune", "75011 PARIS");
        fields.put("civilite", "madame");
        fields.put("lastName", "Durand");
        fields.put("firstName", "Camille");
        fields.put("telephone", "06 12 34 56 78");
        return fields;
    }
}
