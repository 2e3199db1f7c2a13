package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import fr.ceres.keycloak.it.support.ActivatedAccounts;
import fr.ceres.keycloak.it.support.AttachPage;
import fr.ceres.keycloak.it.support.CentreLetters;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.FrenchBrowser;
import fr.ceres.keycloak.it.support.PageActions;
import fr.ceres.keycloak.it.support.Screenshots;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The portal page « Mes démarches », in a real browser: signed in through the page's
 * own client, a person without habilitation is offered Ceres, attaches it with a real code (issued
 * through the agents' API, read from the letter) and comes back to their Ceres card.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
class PortalPageIT {

    private static final String TILLEULS = "73282932000074";
    private static final String EMAIL = "portail@tilleuls.fr";

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    /** The realm's SMTP settings are environment placeholders; the mail server supplies real ones. */
    @InjectMailServer
    MailServer mailServer;

    @InjectWebDriver
    ManagedWebDriver browser;

    /** The master realm's administrator: may use the agents' API like a DREETS agent. */
    @InjectAdminClient
    Keycloak admin;

    private final Screenshots screenshots = new Screenshots("portal");

    @Test
    @DisplayName("Given nobody signed in, then the portal sends the browser to sign in with ceres-portal, PKCE S256, back to the portal, never cached")
    void anonymousIsSentToSignIn() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(portalUrl())).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(303, answer.statusCode(), answer.body());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(realm.getBaseUrl() + "/protocol/openid-connect/auth?"), location);
        assertTrue(location.contains("client_id=ceres-portal"), location);
        assertTrue(location.contains("code_challenge_method=S256"), location);
        assertTrue(location.matches(".*[?&]code_challenge=[A-Za-z0-9_-]{43}(&.*)?"), location);
        assertTrue(location.contains("redirect_uri=" + URLEncoder.encode(portalUrl(), StandardCharsets.UTF_8)), location);
        assertFalse(location.contains("kc_action"), location);
    }

    @Test
    @DisplayName("Given a person without habilitation, then « Ajoutez votre première démarche »; « Rattacher le service Ceres » with the letter's code brings the Ceres card, gestionnaire, with the gear to the centre's access page")
    void attachCeresFromThePortal() throws Exception {
        String code = new CentreLetters(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString())
                .registerAndIssue(TILLEULS);
        ActivatedAccounts.create(realm, EMAIL);
        WebDriver driver = FrenchBrowser.of(browser.driver());
        // A fresh browser session: the realm's cookies go.
        driver.get(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.manage().deleteAllCookies();

        driver.get(portalUrl());
        PageActions.signIn(driver, EMAIL);
        PageActions.waitFor(driver, By.id("ceres-portal"));
        String page = PageActions.text(driver);
        assertTrue(page.contains("Bonjour Camille Durand"), page);
        assertTrue(page.contains("Mes démarches"), page);
        assertTrue(page.contains("Ajoutez votre première démarche"), page);
        assertFalse(driver.getCurrentUrl().contains("code="), "the code is dropped: " + driver.getCurrentUrl());
        assertTrue(driver.findElements(By.id("ceres-portal-ceres")).isEmpty(), "no Ceres card yet");
        screenshots.take(driver, "01-no-demarche");

        PageActions.click(driver, driver.findElement(By.id("ceres-portal-attach")));
        AttachPage attach = new AttachPage(driver);
        assertTrue(attach.isShown(), "attach page: " + driver.getCurrentUrl());
        screenshots.take(driver, "02-attach-page");
        attach.attach(TILLEULS, code);

        PageActions.waitFor(driver, By.id("ceres-portal-ceres"));
        assertEquals(portalUrl(), driver.getCurrentUrl(), "back on the portal, the code dropped");
        page = PageActions.text(driver);
        assertTrue(page.contains("Gestionnaire CENTRES"), page);
        assertTrue(page.contains(TILLEULS), page);
        assertTrue(page.contains("Accéder à Ceres"), page);
        assertFalse(page.contains("Ajoutez votre première démarche"), page);
        assertEquals("http://localhost:8081/", driver.findElement(By.id("ceres-portal-open")).getAttribute("href"));
        // The gear « Gérer les accès »: the centre's access page (InviteIT goes on from there).
        WebElement gear = driver.findElement(By.id("ceres-portal-manage-" + TILLEULS));
        assertEquals("Gérer les accès", gear.getText().replace("⚙", "").trim());
        assertEquals(portalUrl() + "acces/" + TILLEULS, gear.getAttribute("href"));
        screenshots.take(driver, "03-ceres-card");

        // « Se déconnecter »: Keycloak asks for confirmation (no ID token to hint with), then the
        // portal, which sends the signed-out person to sign in again.
        PageActions.click(driver, driver.findElement(By.id("ceres-portal-logout")));
        PageActions.click(driver, PageActions.waitFor(driver, By.id("kc-logout")));
        PageActions.waitFor(driver, By.id("username"));
        assertTrue(driver.getCurrentUrl().contains("client_id=ceres-portal"), driver.getCurrentUrl());
        screenshots.take(driver, "04-signed-out");
    }

    @Test
    @DisplayName("Given nobody signed in, then the accessibility statement the footer links to answers, in the RGAA model, without sign-in")
    void accessibilityStatementIsPublic() throws Exception {
        String statement = portalUrl() + "accessibilite";
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(statement)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());

        WebDriver driver = FrenchBrowser.of(browser.driver());
        driver.get(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.manage().deleteAllCookies();
        driver.get(statement);
        assertEquals("Déclaration d'accessibilité", PageActions.waitFor(driver, By.id("kc-page-title")).getText());
        assertTrue(driver.getTitle().startsWith("Déclaration d'accessibilité – "), driver.getTitle());
        String page = PageActions.text(driver);
        assertTrue(page.contains("partiellement conforme") && page.contains("RGAA), version 4.1"), page);
        assertTrue(page.contains("Voies de recours") && page.contains("Défenseur des droits"), page);
        assertEquals(statement, driver.findElement(By.id("ceres-footer-accessibility")).getAttribute("href"),
                "the footer links here");
        screenshots.take(driver, "05-accessibility-statement");
    }

    private String portalUrl() {
        return realm.getBaseUrl() + "/ceres-portal/";
    }
}
