package fr.ceres.keycloak.it;

import java.time.Duration;
import java.util.List;

import fr.ceres.keycloak.it.support.ActivatedAccounts;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CentreLetters;
import fr.ceres.keycloak.it.support.CeresAuthorization;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.CeresSignIn;
import fr.ceres.keycloak.it.support.FrenchBrowser;
import fr.ceres.keycloak.it.support.Keyboard;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.PageActions;
import fr.ceres.keycloak.it.support.SignUpPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Flows F1 (sign-up), F2 (activation link, then sign-in) and F3 (attaching Ceres with the letter's code) with
 * the keyboard only ({@link Keyboard}): the focus can always be seen, the company the SIRET brings is said by a
 * live region, and after a refused form the focus is on the first field in error, or on a summary of the
 * errors. Each flow lists all it finds, then fails once.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
class KeyboardIT {

    private static final String VAL_DE_LOIRE = "52047381000015";

    /**
     * Where the focus is after a refused form: the first field marked invalid, or inside an alert (an error
     * summary); with its name, for the message.
     */
    private static final String FOCUS_AFTER_REFUSAL = """
            const a = document.activeElement;
            const first = document.querySelector('[aria-invalid=true]');
            const name = e => e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') : 'nothing';
            const onSummary = a !== null && a !== document.body && a.closest('[role=alert]') !== null;
            return [a === first || onSummary, name(a), name(first)];
            """;

    /** The text of the live regions of the page. */
    private static final String LIVE_TEXT = """
            return [...document.querySelectorAll('[aria-live]:not([aria-live=off]), [role=status], [role=alert]')]
                .map(e => e.textContent.trim()).join(' | ');
            """;

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectAdminClient
    Keycloak admin;

    @Test
    @DisplayName("F1 with the keyboard: the focus is seen, a form sent empty puts the focus on its first error, the company is announced, the account is created")
    void signUp() {
        WebDriver driver = FrenchBrowser.of(browser.driver());
        SignUpPage page = new SignUpPage(driver).open(realm.getBaseUrl());
        Keyboard keyboard = new Keyboard(driver);

        keyboard.tabTo("kc-submit").pressAndAwaitNextPage(Keys.ENTER);
        focusOnFirstError(driver, keyboard, "sign-up sent empty");

        keyboard.tabTo("email").type("clavier@cfa-exemple.fr");
        keyboard.tabTo("password").type(Applicant.PASSWORD);
        keyboard.tabTo("password-confirm").type(Applicant.PASSWORD);
        keyboard.tabTo("siret").type("732 829 320 00074");
        keyboard.press(Keys.TAB);
        page.awaitPrefill("raisonSociale");
        String live = (String) ((JavascriptExecutor) driver).executeScript(LIVE_TEXT);
        if (!live.contains("CENTRE DE FORMATION PROFESSIONNELLE LES TILLEULS") && !live.toLowerCase().contains("rempli")) {
            keyboard.fail("the company filled from the SIRET is not said by a live region; live regions hold: « " + live + " »");
        }
        keyboard.tabToRadio("civilite").press(Keys.SPACE);
        keyboard.tabTo("lastName").type("Durand");
        keyboard.tabTo("firstName").type("Camille");
        keyboard.tabTo("telephone").type("06 12 34 56 78");
        keyboard.tabTo("kc-submit").pressAndAwaitNextPage(Keys.ENTER);
        if (!page.heading().contains("Activez votre compte")) {
            keyboard.fail("the sign-up did not end on « Activez votre compte »: " + page.heading());
        }
        keyboard.assertClean();
    }

    @Test
    @DisplayName("F2 with the keyboard: the activation link's button, the portal link, the sign-in, the focus always seen")
    void activationThenSignIn() {
        String email = "clavier.activation@cfa-exemple.fr";
        WebDriver driver = FrenchBrowser.of(browser.driver());
        SignUpPage page = new SignUpPage(driver).open(realm.getBaseUrl());
        page.fill(Applicant.valid(email));
        page.awaitPrefill("raisonSociale");
        page.submit();
        String link = new Mailbox(mailServer).awaitMessage(email, 1).actionLink();
        FrenchBrowser.fresh(driver, realm.getBaseUrl());
        driver.get(link);
        PageActions.waitFor(driver, By.id("ceres-activate"));
        Keyboard keyboard = new Keyboard(driver);

        keyboard.tabTo("ceres-activate").pressAndAwaitNextPage(Keys.ENTER);
        keyboard.tabTo("ceres-portal").pressAndAwaitNextPage(Keys.ENTER);
        PageActions.waitFor(driver, By.id("username"));
        signIn(keyboard, email);
        PageActions.waitFor(driver, By.id("ceres-portal"));
        keyboard.assertClean();
    }

    @Test
    @DisplayName("F3 with the keyboard: signing in to Ceres, a wrong code puts the focus on the first error, the letter's code attaches")
    void attachWithTheCode() throws Exception {
        String email = "clavier.rattachement@cfa-exemple.fr";
        String code = new CentreLetters(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString())
                .registerAndIssue(VAL_DE_LOIRE);
        ActivatedAccounts.create(realm, email);
        String clientUuid = realm.admin().clients().findByClientId("ceres").get(0).getId();
        String secret = realm.admin().clients().get(clientUuid).getSecret().getValue();
        WebDriver driver = FrenchBrowser.of(browser.driver());
        new CeresAuthorization(driver, realm.getBaseUrl(), secret).open("");
        PageActions.waitFor(driver, By.id("username"));
        Keyboard keyboard = new Keyboard(driver);
        signIn(keyboard, email);
        PageActions.waitFor(driver, By.id("ceres-attach-form"));

        keyboard.tabTo("siret").type(VAL_DE_LOIRE);
        keyboard.tabTo("code").type("0000-0000-0000");
        keyboard.pressAndAwaitNextPage(Keys.ENTER);
        focusOnFirstError(driver, keyboard, "attach page with a wrong code");

        keyboard.tabTo("siret").replace(VAL_DE_LOIRE);
        keyboard.tabTo("code").replace(code).pressAndAwaitNextPage(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(CeresSignIn.REDIRECT_URI));
        keyboard.assertClean();
    }

    /** Email, password, Enter: the realm's sign-in page, with the keyboard. */
    private static void signIn(Keyboard keyboard, String email) {
        keyboard.tabTo("username").type(email);
        keyboard.tabTo("password").type(Applicant.PASSWORD);
        keyboard.pressAndAwaitNextPage(Keys.ENTER);
    }

    private static void focusOnFirstError(WebDriver driver, Keyboard keyboard, String where) {
        List<?> focus = (List<?>) ((JavascriptExecutor) driver).executeScript(FOCUS_AFTER_REFUSAL);
        if (!Boolean.TRUE.equals(focus.get(0))) {
            keyboard.fail(where + ": the focus is on " + focus.get(1) + ", not on the first field in error ("
                    + focus.get(2) + ") nor on an error summary");
        }
    }
}
