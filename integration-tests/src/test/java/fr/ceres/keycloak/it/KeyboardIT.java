package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import fr.ceres.keycloak.it.support.ActivatedAccounts;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CentreLetters;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.FrenchBrowser;
import fr.ceres.keycloak.it.support.Keyboard;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.PageActions;
import fr.ceres.keycloak.it.support.SignUpPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Flows F1 (sign-up and activation), F2 (attaching Ceres with the letter's code) and F3 (inviting a colleague) done
 * with the keyboard only (Tab and Shift-Tab to move, Enter and Space to act, typing into fields), the focus visible
 * at every step ({@link Keyboard}): the skip link first, the company pre-fill told through a live region, a refused
 * form answered with the focus on its first field in error, that field describing its error.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyboardIT {

    private static final String TILLEULS = "73282932000074";
    /** A centre of the demo register no other test registers: F2 makes its gestionnaire, F3 invites for it. */
    private static final String CENTRE = "51128640300015";
    private static final String GESTIONNAIRE = "clavier@centre-clavier.fr";

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectAdminClient
    Keycloak admin;

    @Test
    @Order(1)
    @DisplayName("Given the keyboard only, then the sign-up: skip link first, the pre-fill announced, a refusal focuses its first field, and the activation link's button")
    void signUpAndActivate() {
        WebDriver driver = FrenchBrowser.fresh(browser.driver(), realm.getBaseUrl());
        driver.get(SignUpPage.url(realm.getBaseUrl()));
        Keyboard keys = new Keyboard(driver);

        keys.tab();
        WebElement skip = keys.focused();
        assertEquals("#main", skip.getAttribute("hash"), "the first Tab reaches the skip link: " + keys.describe(skip));
        keys.enter();
        assertEquals("main", keys.focused().getAttribute("id"), "the skip link moves the focus to the content");

        keys.tabTo("kc-submit");
        keys.enterToNextPage();
        WebElement first = keys.focused();
        assertEquals("email", first.getAttribute("id"), "a refused sign-up focuses its first field in error");
        assertEquals("true", first.getAttribute("aria-invalid"));
        assertTrue(first.getAttribute("aria-describedby").contains("input-error-email"), first.getAttribute("aria-describedby"));
        assertTrue(driver.getTitle().startsWith("Erreur – Créer mon compte"), driver.getTitle());

        String email = "clavier.inscription@cfa-exemple.fr";
        keys.type(email);
        keys.tabTo("password");
        keys.type(Applicant.PASSWORD);
        keys.tabTo("password-confirm");
        keys.type(Applicant.PASSWORD);
        keys.tabTo("siret");
        keys.clearField();
        keys.type(TILLEULS);
        WebElement status = driver.findElement(By.id("ceres-siret-status"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> status.getText().startsWith("Entreprise trouvée"));
        assertEquals("polite", status.getAttribute("aria-live"), "the pre-fill is announced");
        assertTrue(keys.focused().getAttribute("aria-describedby").contains("ceres-siret-status"));
        keys.tabTo("civilite-madame");
        keys.space();
        assertTrue(keys.focused().isSelected(), "Space selects the civilité");
        keys.tabTo("lastName");
        keys.type("Clavier");
        keys.tabTo("firstName");
        keys.type("Jeanne");
        keys.tabTo("telephone");
        keys.type("06 12 34 56 78");
        new SignUpPage(driver).awaitCaptcha();
        keys.tabTo("kc-submit");
        keys.enterToNextPage();
        assertEquals("Activez votre compte", PageActions.waitFor(driver, By.id("kc-page-title")).getText());

        driver.get(new Mailbox(mailServer).awaitMessage(email, 1).actionLink());
        keys.tabTo("ceres-activate");
        keys.enterToNextPage();
        assertEquals("Votre compte est activé", PageActions.waitFor(driver, By.id("kc-page-title")).getText());
    }

    @Test
    @Order(2)
    @DisplayName("Given the keyboard only, then signing in and attaching Ceres: a wrong code focuses the field, the right one makes a gestionnaire")
    void attachCeres() throws Exception {
        String code = new CentreLetters(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString())
                .registerAndIssue(CENTRE);
        ActivatedAccounts.create(realm, GESTIONNAIRE);
        WebDriver driver = FrenchBrowser.fresh(browser.driver(), realm.getBaseUrl());
        driver.get(realm.getBaseUrl() + "/ceres-portal");
        Keyboard keys = new Keyboard(driver);
        signIn(keys, GESTIONNAIRE);

        keys.tabTo("ceres-portal-attach");
        keys.enterToNextPage();
        keys.tabTo("siret");
        keys.type(CENTRE);
        keys.tabTo("code");
        keys.type("0000-0000-0000");
        assertEquals(CENTRE, keys.shiftTabTo("siret").getDomProperty("value"), "Shift-Tab goes back to the SIRET");
        keys.tabTo("ceres-attach-submit");
        keys.enterToNextPage();
        WebElement invalid = keys.focused();
        assertEquals("true", invalid.getAttribute("aria-invalid"), "a refused code focuses the field in error: " + keys.describe(invalid));
        assertTrue(driver.getTitle().startsWith("Erreur – "), driver.getTitle());

        keys.tabTo("code");
        keys.clearField();
        keys.type(code);
        keys.tabTo("ceres-attach-submit");
        keys.enterToNextPage();
        assertTrue(PageActions.waitFor(driver, By.id("ceres-portal-habilitations")).getText().contains("Gestionnaire CENTRES"),
                PageActions.text(driver));
    }

    @Test
    @Order(3)
    @DisplayName("Given the keyboard only, then a gestionnaire invites by email: access page, role by Space, summary, sent")
    void invite() {
        WebDriver driver = FrenchBrowser.fresh(browser.driver(), realm.getBaseUrl());
        driver.get(realm.getBaseUrl() + "/ceres-portal");
        Keyboard keys = new Keyboard(driver);
        signIn(keys, GESTIONNAIRE);

        keys.tabTo("ceres-portal-manage-" + CENTRE);
        keys.enterToNextPage();
        keys.tabTo("ceres-access-invite");
        keys.enterToNextPage();
        if (driver.findElements(By.id("ceres-invite-email")).isEmpty()) {
            keys.tabTo("ceres-invite-by-email");
            keys.enterToNextPage();
        }
        keys.tabTo("ceres-invite-email");
        keys.type("nouvelle.collegue@centre-clavier.fr");
        keys.tabTo("ceres-invite-role-centre-agree");
        keys.space();
        assertTrue(keys.focused().isSelected(), "Space selects the role");
        keys.tabTo("ceres-invite-continue");
        keys.enterToNextPage();
        assertEquals("nouvelle.collegue@centre-clavier.fr", PageActions.waitFor(driver, By.id("ceres-invite-invited")).getText());
        keys.tabTo("ceres-invite-send");
        keys.enterToNextPage();
        assertEquals("Email d'invitation transmis", PageActions.waitFor(driver, By.id("ceres-access-notice")).getText());
    }

    private static void signIn(Keyboard keys, String email) {
        keys.tabTo("username");
        keys.type(email);
        keys.tabTo("password");
        keys.type(Applicant.PASSWORD);
        keys.enterToNextPage();
    }
}
