package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.CeresSignIn;
import fr.ceres.keycloak.it.support.FrenchBrowser;
import fr.ceres.keycloak.it.support.Gestionnaires;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.PageActions;
import fr.ceres.keycloak.it.support.PortalAccounts;
import fr.ceres.keycloak.it.support.Screenshots;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Access requests (flow F7), in a real browser: a person whose account's SIRET is of the
 * centre's company asks from the portal page, both gestionnaires of the centre get the email, one accepts on
 * the access page choosing role and SIRET, and the person is told by email and now holds the habilitation (the
 * portal page and the token for {@code ceres} say so); another is refused with a reason, is told it, and holds
 * nothing; asking twice says the request is pending; someone of another company has no centre to ask. The
 * order matters: each test goes on from the one before.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessRequestIT {

    private static final String ACADEMIE = "41823967900016";
    private static final String ACADEMIE_NAME = "ACADEMIE DES FORMATIONS ET DES COMPETENCES";
    private static final String GRENOBLE = "41823967900024";
    private static final String LILLE = "41823967900032";
    private static final String VAL_DE_LOIRE = "52047381000015";
    private static final String ALICE = "alice.martin@academie.fr";
    private static final String BRUNO = "bruno.petit@academie.fr";
    private static final String CHLOE = "chloe.roux@academie.fr";
    private static final String DENIS = "denis.morel@academie.fr";
    private static final String PAUL = "paul.durand@valdeloire.fr";
    private static final String REQUEST_SUBJECT = "Demande d'accès à la démarche CERES";
    private static final String REASON = "Pas de poste <ouvert> pour l'instant & merci";

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectAdminClient
    Keycloak admin;

    private final Screenshots screenshots = new Screenshots("access-request");
    /** The people are made once: the realm lives as long as the class. */
    private static Map<String, String> ids;
    private WebDriver driver;

    @BeforeEach
    void people() throws Exception {
        driver = FrenchBrowser.of(browser.driver());
        if (ids != null) {
            return;
        }
        Gestionnaires gestionnaires = new Gestionnaires(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString());
        gestionnaires.register(ACADEMIE, List.of(GRENOBLE, LILLE));
        PortalAccounts.create(realm, ALICE, "Alice", "Martin", ACADEMIE);
        PortalAccounts.create(realm, BRUNO, "Bruno", "Petit", GRENOBLE);
        String chloe = PortalAccounts.create(realm, CHLOE, "Chloé", "Roux", LILLE);
        String denis = PortalAccounts.create(realm, DENIS, "Denis", "Morel", ACADEMIE);
        PortalAccounts.create(realm, PAUL, "Paul", "Durand", VAL_DE_LOIRE);
        gestionnaires.attach(ALICE, ACADEMIE);
        gestionnaires.attach(BRUNO, ACADEMIE);
        ids = Map.of(CHLOE, chloe, DENIS, denis);
    }

    @Test
    @Order(1)
    @DisplayName("Given a person of the centre's company, then the portal offers « Demander l'accès »; asked, it says so, both gestionnaires get the email, and asking again says it is pending")
    void askFromThePortal() {
        Mailbox mailbox = new Mailbox(mailServer);
        int aliceMails = mailbox.to(ALICE).size();
        int brunoMails = mailbox.to(BRUNO).size();
        signInOnThePortal(CHLOE);
        WebElement card = PageActions.waitFor(driver, By.id("ceres-portal-requests"));
        assertTrue(card.getText().contains("Demander l'accès à un centre de votre entreprise"), card.getText());
        assertTrue(card.getText().contains(ACADEMIE_NAME + " (SIRET " + ACADEMIE + ")"), card.getText());
        WebElement ask = driver.findElement(By.id("ceres-portal-request-ask-" + ACADEMIE));
        assertTrue(ask.getText().startsWith("Demander l'accès"), ask.getText());
        String csrf = driver.findElement(By.cssSelector("#ceres-portal-request-" + ACADEMIE + " input[name=csrf]"))
                .getAttribute("value");
        screenshots.take(driver, "01-portal-ask");

        PageActions.click(driver, ask);
        WebElement notice = PageActions.waitFor(driver, By.id("ceres-portal-notice"));
        assertEquals(portal() + "?notice=demande-envoyee", driver.getCurrentUrl());
        assertTrue(notice.getText().startsWith("Demande d'accès envoyée"), notice.getText());
        assertEquals("status", notice.getAttribute("role"));
        assertEquals("Demande envoyée, en attente",
                driver.findElement(By.id("ceres-portal-request-pending-" + ACADEMIE)).getText());
        assertTrue(driver.findElements(By.id("ceres-portal-request-ask-" + ACADEMIE)).isEmpty(), "no second button");
        screenshots.take(driver, "02-portal-request-sent");

        for (Map.Entry<String, Integer> gestionnaire : Map.of(ALICE, aliceMails, BRUNO, brunoMails).entrySet()) {
            Mailbox.Mail mail = mailbox.awaitMessage(gestionnaire.getKey(), gestionnaire.getValue() + 1);
            assertEquals(REQUEST_SUBJECT, mail.subject());
            assertTrue(mail.text().contains("Chloé Roux (" + CHLOE + ") demande à accéder au service CERES pour l'entreprise "
                    + ACADEMIE_NAME + " (SIRET de son compte : " + LILLE + ")."), mail.text());
            assertTrue(mail.text().contains(accessPage()), "the access page's link: " + mail.text());
        }
        assertTrue(mailbox.to(CHLOE).isEmpty(), "nothing to the person yet");

        // Asking twice: the page offers no second button, so the form of another tab is posted again.
        WebElement portalPage = driver.findElement(By.id("ceres-portal"));
        ((JavascriptExecutor) driver).executeScript(
                "const f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                        + "for (const [n, v] of [['csrf', arguments[1]], ['centre', arguments[2]]]) {"
                        + " const i = document.createElement('input'); i.type = 'hidden'; i.name = n; i.value = v; f.appendChild(i); }"
                        + "document.body.appendChild(f); f.submit();",
                portal() + "demande", csrf, ACADEMIE);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(portalPage));
        WebElement pending = PageActions.waitFor(driver, By.id("ceres-portal-notice"));
        assertEquals("Une demande d'accès à ce centre est déjà en attente : aucune autre n'a été envoyée.", pending.getText());
        screenshots.take(driver, "03-portal-already-pending");
        assertEquals(aliceMails + 1, mailbox.to(ALICE).size(), "no second email");
        List<EventRepresentation> events = realm.admin().getEvents(List.of("INVITE_ORG"), null, ids.get(CHLOE),
                null, null, null, null, null);
        assertTrue(events.stream().anyMatch(e -> "request".equals(e.getDetails().get("ceres_action"))
                && ACADEMIE.equals(e.getDetails().get("ceres_centre"))), "the person's user event: " + events);
    }

    @Test
    @Order(3)
    @DisplayName("Given the request on the access page, then the gestionnaire accepts it choosing role and SIRET; the person is told and holds the habilitation")
    void gestionnaireAccepts() throws Exception {
        signInOnThePortal(ALICE);
        driver.get(accessPage());
        WebElement row = requestRow(CHLOE);
        assertTrue(row.getText().contains("Chloé Roux"), row.getText());
        assertTrue(row.getText().contains(LILLE), "the account's SIRET: " + row.getText());
        String request = row.getAttribute("id").substring("ceres-access-request-".length());
        row.findElement(By.cssSelector("#ceres-access-accept-" + request + " summary")).click();
        Select role = new Select(driver.findElement(By.id("ceres-access-accept-role-" + request)));
        assertEquals(List.of("Centre agréé", "Gestionnaire CENTRES"), role.getOptions().stream().map(WebElement::getText).toList());
        Select siret = new Select(driver.findElement(By.id("ceres-access-accept-siret-" + request)));
        assertEquals(List.of(ACADEMIE, GRENOBLE, LILLE), siret.getOptions().stream().map(WebElement::getText).toList());
        assertEquals(LILLE, siret.getFirstSelectedOption().getText(), "the account's SIRET first");
        role.selectByValue("centre-agree");
        siret.selectByValue(GRENOBLE);
        screenshots.take(driver, "04-access-accept");

        PageActions.click(driver, driver.findElement(By.id("ceres-access-accept-submit-" + request)));
        WebElement notice = PageActions.waitFor(driver, By.id("ceres-access-notice"));
        assertEquals(accessPage() + "?notice=demande-acceptee", driver.getCurrentUrl());
        assertTrue(notice.getText().startsWith("Demande acceptée"), notice.getText());
        assertTrue(driver.findElements(By.id("ceres-access-request-" + request)).isEmpty(), "no longer pending");
        WebElement held = driver.findElement(By.id("ceres-access-habilitation-" + ids.get(CHLOE) + "-" + GRENOBLE + "-centre-agree"));
        assertTrue(held.getText().contains("Chloé Roux") && held.getText().contains("Centre agréé"), held.getText());
        screenshots.take(driver, "05-access-accepted");
        assertAdminEvent("CREATE", "organizations/" + centreId() + "/members/" + ids.get(CHLOE));

        Mailbox.Mail mail = new Mailbox(mailServer).awaitMessage(CHLOE, 1);
        assertEquals("Votre demande d'accès à la démarche CERES est acceptée", mail.subject());
        assertTrue(mail.text().contains("Alice Martin a accepté votre demande d'accès au service CERES pour l'entreprise "
                + ACADEMIE_NAME + " : vous avez le rôle Centre agréé pour le SIRET " + GRENOBLE + "."), mail.text());
        assertTrue(mail.text().contains(portal()), mail.text());

        // The person's portal page now shows it, and no longer offers to ask.
        signInOnThePortal(CHLOE);
        WebElement habilitations = PageActions.waitFor(driver, By.id("ceres-portal-habilitations"));
        assertTrue(habilitations.getText().contains(GRENOBLE) && habilitations.getText().contains("Centre agréé"),
                habilitations.getText());
        assertTrue(driver.findElements(By.id("ceres-portal-requests")).isEmpty(), "nothing left to ask");
        screenshots.take(driver, "06-portal-habilitation");

        JsonNode access = CeresSignIn.claims(signInToCeres(CHLOE).get("access_token").asText());
        assertEquals(new ObjectMapper().readTree("[{\"siret\":\"" + GRENOBLE + "\",\"role\":\"centre-agree\",\"centre\":\""
                + ACADEMIE + "\"}]"), access.get("ceres_habilitations"), access.toString());
    }

    @Test
    @Order(4)
    @DisplayName("Given another request, then the gestionnaire refuses it with a reason; the person gets it by email, holds nothing and may ask again")
    void gestionnaireRefuses() {
        Mailbox mailbox = new Mailbox(mailServer);
        int aliceMails = mailbox.to(ALICE).size();
        signInOnThePortal(DENIS);
        PageActions.click(driver, PageActions.waitFor(driver, By.id("ceres-portal-request-ask-" + ACADEMIE)));
        PageActions.waitFor(driver, By.id("ceres-portal-notice"));
        mailbox.awaitMessage(ALICE, aliceMails + 1);

        signInOnThePortal(ALICE);
        driver.get(accessPage());
        WebElement row = requestRow(DENIS);
        assertTrue(row.getText().contains("Denis Morel") && row.getText().contains(ACADEMIE), row.getText());
        String request = row.getAttribute("id").substring("ceres-access-request-".length());
        row.findElement(By.cssSelector("#ceres-access-refuse-" + request + " summary")).click();
        WebElement reason = driver.findElement(By.id("ceres-access-reason-" + request));
        assertEquals("500", reason.getAttribute("maxlength"));
        reason.sendKeys(REASON);
        screenshots.take(driver, "07-access-refuse");

        PageActions.click(driver, driver.findElement(By.id("ceres-access-refuse-submit-" + request)));
        WebElement notice = PageActions.waitFor(driver, By.id("ceres-access-notice"));
        assertEquals(accessPage() + "?notice=demande-refusee", driver.getCurrentUrl());
        assertTrue(notice.getText().startsWith("Demande refusée"), notice.getText());
        assertTrue(driver.findElements(By.id("ceres-access-request-" + request)).isEmpty(), "no longer pending");
        assertTrue(driver.findElements(By.cssSelector("#ceres-access-people tr[data-email='" + DENIS + "']")).isEmpty(),
                "nothing granted");
        screenshots.take(driver, "08-access-refused");
        assertAdminEvent("DELETE", "organizations/" + centreId() + "/invitations/" + request);

        Mailbox.Mail mail = mailbox.awaitMessage(DENIS, 1);
        assertEquals("Votre demande d'accès à la démarche CERES est refusée", mail.subject());
        assertTrue(mail.text().contains("Alice Martin a refusé votre demande d'accès au service CERES pour l'entreprise "
                + ACADEMIE_NAME + "."), mail.text());
        assertTrue(mail.text().contains("Motif : " + REASON), mail.text());
        assertTrue(mail.html().contains("Pas de poste &lt;ouvert&gt; pour l"), "escaped in HTML: " + mail.html());
        assertTrue(realm.admin().organizations().get(centreId()).members().getAll().stream()
                .noneMatch(m -> DENIS.equals(m.getEmail())), "not a member of the centre");

        signInOnThePortal(DENIS);
        assertTrue(driver.findElements(By.id("ceres-portal-habilitations")).isEmpty(), "no habilitation");
        assertFalse(driver.findElements(By.id("ceres-portal-request-ask-" + ACADEMIE)).isEmpty(), "may ask again");
    }

    @Test
    @Order(5)
    @DisplayName("Given a refusal reason with control or bidirectional characters, then the page says so in French, and nothing is refused nor emailed")
    void reasonWithHiddenCharactersIsRefused() {
        Mailbox mailbox = new Mailbox(mailServer);
        int aliceMails = mailbox.to(ALICE).size();
        int denisMails = mailbox.to(DENIS).size();
        signInOnThePortal(DENIS);
        PageActions.click(driver, PageActions.waitFor(driver, By.id("ceres-portal-request-ask-" + ACADEMIE)));
        PageActions.waitFor(driver, By.id("ceres-portal-notice"));
        mailbox.awaitMessage(ALICE, aliceMails + 1);

        signInOnThePortal(ALICE);
        for (String reason : List.of("Poste \u202epourvu", "Complet\u0085", "Complet\u009f", "\u2066Complet\u2069")) {
            driver.get(accessPage());
            WebElement row = requestRow(DENIS);
            String request = row.getAttribute("id").substring("ceres-access-request-".length());
            row.findElement(By.cssSelector("#ceres-access-refuse-" + request + " summary")).click();
            // A browser's keyboard cannot type these; a script, a paste or a forged post can.
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                    driver.findElement(By.id("ceres-access-reason-" + request)), reason);
            PageActions.click(driver, driver.findElement(By.id("ceres-access-refuse-submit-" + request)));

            WebElement notice = PageActions.waitFor(driver, By.id("ceres-access-notice"));
            assertEquals(accessPage() + "?notice=motif-invalide", driver.getCurrentUrl(), "for " + reason.codePoints().boxed().toList());
            assertTrue(notice.getText().contains("caractères invisibles"), notice.getText());
            assertFalse(driver.findElements(By.id("ceres-access-request-" + request)).isEmpty(), "still pending");
        }
        screenshots.take(driver, "09-access-reason-refused");
        assertEquals(denisMails, mailbox.to(DENIS).size(), "no decision emailed");
    }

    @Test
    @Order(6)
    @DisplayName("Given a person of another company, then the portal offers no centre to ask")
    void anotherCompanySeesNothing() {
        signInOnThePortal(PAUL);
        assertTrue(driver.findElements(By.id("ceres-portal-requests")).isEmpty(), "no card");
        assertFalse(driver.getPageSource().contains(ACADEMIE), "never the other company's centre");
        screenshots.take(driver, "10-portal-other-company");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void signInOnThePortal(String email) {
        driver.get(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.manage().deleteAllCookies();
        driver.get(portal());
        PageActions.signIn(driver, email);
        PageActions.waitFor(driver, By.id("ceres-portal"));
    }

    private JsonNode signInToCeres(String email) throws Exception {
        String clientUuid = realm.admin().clients().findByClientId("ceres").get(0).getId();
        String secret = realm.admin().clients().get(clientUuid).getSecret().getValue();
        return new CeresSignIn(browser.driver(), realm.getBaseUrl(), secret).signIn(email, Applicant.PASSWORD);
    }

    /**
     * Alice's admin event on the path of Keycloak's Organization endpoints. The representation (the action's
     * name) is only stored when the realm keeps admin event details, which this realm does not.
     */
    private void assertAdminEvent(String operation, String path) {
        String aliceId = realm.admin().users().search(ALICE, true).get(0).getId();
        List<AdminEventRepresentation> events = realm.admin().getAdminEvents();
        assertTrue(events.stream().anyMatch(e -> operation.equals(e.getOperationType())
                        && "ORGANIZATION_MEMBERSHIP".equals(e.getResourceType())
                        && path.equals(e.getResourcePath())
                        && aliceId.equals(e.getAuthDetails().getUserId())),
                operation + " " + path + " in " + events.stream()
                        .map(e -> e.getOperationType() + " " + e.getResourcePath()).toList());
    }

    private String centreId() {
        return realm.admin().organizations().getAll().stream()
                .filter(o -> ACADEMIE.equals(o.getAlias())).findFirst().orElseThrow().getId();
    }

    private WebElement requestRow(String email) {
        return PageActions.waitFor(driver, By.cssSelector("#ceres-access-requests tr[data-email='" + email + "']"));
    }

    private String portal() {
        return realm.getBaseUrl() + "/ceres-portal/";
    }

    private String accessPage() {
        return realm.getBaseUrl() + "/ceres-portal/acces/" + ACADEMIE;
    }


    /** Clicks and waits for the next page, so what follows reads that page, not this one. */
}
