package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.FrenchBrowser;
import fr.ceres.keycloak.it.support.Gestionnaires;
import fr.ceres.keycloak.it.support.PageActions;
import fr.ceres.keycloak.it.support.PortalAccounts;
import fr.ceres.keycloak.it.support.PortalHttp;
import fr.ceres.keycloak.it.support.Screenshots;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Flow F7 on the habilitations, in a real browser: a gestionnaire changes another person's
 * role and SIRET with the keyboard, takes a habilitation away, and cannot leave the centre without a
 * gestionnaire, not even when two gestionnaires take each other's habilitation at the same instant.
 * Every change is an admin event naming the gestionnaire. Both gestionnaires come from flow F2.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessPageIT {

    private static final String ACADEMIE = "41823967900016";
    private static final String GRENOBLE = "41823967900024";
    private static final String ALICE = "alice.martin@academie.fr";
    private static final String BRUNO = "bruno.petit@academie.fr";
    private static final String LAST_GESTIONNAIRE = "Le centre doit toujours garder au moins un gestionnaire : cette"
            + " habilitation ne peut être ni retirée ni changée en Centre agréé. Donnez d'abord le rôle Gestionnaire"
            + " CENTRES à une autre personne.";

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectAdminClient
    Keycloak admin;

    private final Screenshots screenshots = new Screenshots("access");
    /** Made once: the realm lives as long as the class. */
    private static String aliceId;
    private static String brunoId;
    private WebDriver driver;

    @BeforeEach
    void people() throws Exception {
        driver = FrenchBrowser.of(browser.driver());
        if (aliceId != null) {
            return;
        }
        gestionnaires().register(ACADEMIE, List.of(GRENOBLE));
        String alice = PortalAccounts.create(realm, ALICE, "Alice", "Martin", ACADEMIE);
        String bruno = PortalAccounts.create(realm, BRUNO, "Bruno", "Petit", GRENOBLE);
        gestionnaires().attach(ALICE, ACADEMIE);
        gestionnaires().attach(BRUNO, ACADEMIE);
        aliceId = alice;
        brunoId = bruno;
    }

    @Test
    @Order(1)
    @DisplayName("Given two gestionnaires, then one makes the other centre agréé of a linked site with the keyboard; an admin event names her")
    void changeRoleAndSiret() {
        openAccessPage();
        WebElement summary = driver.findElement(By.cssSelector("#ceres-access-change-" + key(brunoId, ACADEMIE, "gestionnaire") + " > summary"));
        summary.sendKeys(Keys.ENTER);
        WebElement role = driver.findElement(By.id("ceres-access-role-" + key(brunoId, ACADEMIE, "gestionnaire")));
        assertTrue(role.isDisplayed(), "the form opens with the keyboard");
        new Select(role).selectByValue("centre-agree");
        new Select(driver.findElement(By.id("ceres-access-siret-" + key(brunoId, ACADEMIE, "gestionnaire")))).selectByValue(GRENOBLE);
        screenshots.take(driver, "12-change-habilitation");
        WebElement save = driver.findElement(By.id("ceres-access-save-" + key(brunoId, ACADEMIE, "gestionnaire")));
        save.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(save));

        assertEquals("Habilitation modifiée.", PageActions.waitFor(driver, By.id("ceres-access-notice")).getText());
        WebElement bruno = PageActions.waitFor(driver, By.id("ceres-access-habilitation-" + key(brunoId, GRENOBLE, "centre-agree")));
        assertTrue(bruno.getText().contains("Centre agréé"), bruno.getText());
        assertTrue(driver.findElements(By.id("ceres-access-habilitation-" + key(brunoId, ACADEMIE, "gestionnaire"))).isEmpty());
        screenshots.take(driver, "13-habilitation-changed");
        assertAdminEvent("UPDATE", "organizations/" + centreId() + "/members/" + brunoId);
    }

    @Test
    @Order(2)
    @DisplayName("Given the last gestionnaire, then neither « Retirer » nor a change to centre agréé is done, and the page says why")
    void lastGestionnaireIsKept() {
        openAccessPage();
        String alice = key(aliceId, ACADEMIE, "gestionnaire");
        PageActions.click(driver, driver.findElement(By.id("ceres-access-revoke-" + alice)));
        WebElement notice = PageActions.waitFor(driver, By.id("ceres-access-notice"));
        assertEquals(LAST_GESTIONNAIRE, notice.getText());
        assertEquals("alert", notice.getAttribute("role"));
        screenshots.take(driver, "14-last-gestionnaire");

        driver.findElement(By.cssSelector("#ceres-access-change-" + alice + " > summary")).click();
        new Select(driver.findElement(By.id("ceres-access-role-" + alice))).selectByValue("centre-agree");
        PageActions.click(driver, driver.findElement(By.id("ceres-access-save-" + alice)));
        assertEquals(LAST_GESTIONNAIRE, PageActions.waitFor(driver, By.id("ceres-access-notice")).getText());
        assertFalse(driver.findElements(By.id("ceres-access-habilitation-" + alice)).isEmpty(), "Alice keeps it");
        assertEquals(List.of(ALICE, BRUNO), members(), "both still members");
    }

    @Test
    @Order(3)
    @DisplayName("Given a centre agréé user, then « Retirer » takes the habilitation and the centre's membership; an admin event names the gestionnaire")
    void revoke() {
        openAccessPage();
        PageActions.click(driver, driver.findElement(By.id("ceres-access-revoke-" + key(brunoId, GRENOBLE, "centre-agree"))));
        assertEquals("Habilitation retirée.", PageActions.waitFor(driver, By.id("ceres-access-notice")).getText());
        assertTrue(driver.findElements(By.cssSelector("#ceres-access-people tr[data-email='" + BRUNO + "']")).isEmpty());
        screenshots.take(driver, "15-habilitation-revoked");
        assertEquals(List.of(ALICE), members(), "Bruno left the centre's Organization");
        assertAdminEvent("DELETE", "organizations/" + centreId() + "/members/" + brunoId);
    }

    @Test
    @Order(4)
    @Tag("concurrency")
    @DisplayName("Given two gestionnaires taking each other's habilitation at the same instant, then exactly one is taken and the centre keeps a gestionnaire")
    void concurrentRevocationsKeepAGestionnaire() throws Exception {
        // Bruno is gestionnaire again, whether or not the tests before took it away (this one also runs alone).
        if (!members().contains(BRUNO)) {
            gestionnaires().attach(BRUNO, ACADEMIE);
        }
        PortalHttp alice = new PortalHttp(realm.getBaseUrl()).signIn(ALICE, Applicant.PASSWORD);
        PortalHttp bruno = new PortalHttp(realm.getBaseUrl()).signIn(BRUNO, Applicant.PASSWORD);
        Map<String, String> aliceRevokesBruno = Map.of("csrf", PortalHttp.csrfOf(alice.get(accessPage()).body()),
                "personne", brunoId, "siret", ACADEMIE, "role", "gestionnaire");
        Map<String, String> brunoRevokesAlice = Map.of("csrf", PortalHttp.csrfOf(bruno.get(accessPage()).body()),
                "personne", aliceId, "siret", ACADEMIE, "role", "gestionnaire");

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            answers.add(pool.submit(() -> {
                start.await();
                return alice.post(accessPage() + "/habilitations/retirer", aliceRevokesBruno);
            }));
            answers.add(pool.submit(() -> {
                start.await();
                return bruno.post(accessPage() + "/habilitations/retirer", brunoRevokesAlice);
            }));
            start.countDown();
            int revoked = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                String location = response.headers().firstValue("Location").orElse("");
                if (location.endsWith("?notice=habilitation-retiree")) {
                    revoked++;
                } else {
                    // Refused by the rule (last gestionnaire), or by the gate if the other one had already won;
                    // someone who is no longer gestionnaire of the centre is sent back to the portal.
                    assertTrue(location.endsWith("?notice=dernier-gestionnaire") || response.statusCode() == 403
                                    || location.equals(realm.getBaseUrl() + "/ceres-portal/"),
                            response.statusCode() + " " + location + " " + response.body());
                }
            }
            assertEquals(1, revoked, "exactly one habilitation taken");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, members().size(), "one gestionnaire left: " + members());
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Gestionnaires gestionnaires() {
        return new Gestionnaires(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString());
    }

    private void openAccessPage() {
        driver.get(accessPage());
        if (driver.findElements(By.id("ceres-access")).isEmpty()) {
            driver.get(realm.getBaseUrl() + "/.well-known/openid-configuration");
            driver.manage().deleteAllCookies();
            driver.get(accessPage());
            PageActions.signIn(driver, ALICE);
        }
        PageActions.waitFor(driver, By.id("ceres-access"));
        assertEquals(accessPage(), driver.getCurrentUrl(), "back on the access page after signing in, the code dropped");
    }

    /** The members of the centre's Organization, as the admin console lists them. */
    private List<String> members() {
        return realm.admin().organizations().get(centreId()).members().getAll().stream()
                .map(UserRepresentation::getUsername)
                .sorted()
                .toList();
    }

    private String centreId() {
        return realm.admin().organizations().getAll().stream()
                .filter(o -> ACADEMIE.equals(o.getAlias()))
                .map(OrganizationRepresentation::getId)
                .findFirst().orElseThrow();
    }

    private void assertAdminEvent(String operation, String path) {
        List<AdminEventRepresentation> events = realm.admin().getAdminEvents();
        assertTrue(events.stream().anyMatch(e -> operation.equals(e.getOperationType())
                        && "ORGANIZATION_MEMBERSHIP".equals(e.getResourceType())
                        && path.equals(e.getResourcePath())
                        && aliceId.equals(e.getAuthDetails().getUserId())),
                operation + " " + path + " in " + events.stream().map(e -> e.getOperationType() + " " + e.getResourcePath()).toList());
    }

    private static String key(String userId, String siret, String role) {
        return userId + "-" + siret + "-" + role;
    }

    private String accessPage() {
        return realm.getBaseUrl() + "/ceres-portal/acces/" + ACADEMIE;
    }


}
