package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.FrenchBrowser;
import fr.ceres.keycloak.it.support.Gestionnaires;
import fr.ceres.keycloak.it.support.InviteByEmail;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.PageActions;
import fr.ceres.keycloak.it.support.PortalAccounts;
import fr.ceres.keycloak.it.support.PortalHttp;
import fr.ceres.keycloak.it.support.Screenshots;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Flow F3 and the invitations of flow F7, in a real browser: a gestionnaire made through
 * flow F2 opens the gear of the portal card, finds a colleague by name among the accounts of the company
 * only, invites them with the keyboard, invites a newcomer by email, is told when an invitation cannot be
 * made, sends one again (the old link stops working) and cancels one; the emails are read from the mail
 * server. The order matters: each test goes on from the invitations of the one before.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InviteIT {

    private static final String ACADEMIE = "41823967900016";
    private static final String ACADEMIE_NAME = "ACADEMIE DES FORMATIONS ET DES COMPETENCES";
    private static final String GRENOBLE = "41823967900024";
    private static final String LILLE = "41823967900032";
    private static final String VAL_DE_LOIRE = "52047381000015";
    private static final String ALICE = "alice.martin@academie.fr";
    private static final String EMILIE = "emilie.durand@academie.fr";
    /** Same name, another company: never suggested. */
    private static final String PAUL = "paul.durand@valdeloire.fr";
    private static final String NEWCOMER = "nouvelle.recrue@exemple.fr";
    private static final String SUBJECT = "Invitation à rejoindre la démarche CERES";
    private static final Pattern INVITATION_LINK = Pattern.compile("https?://\\S+/ceres-portal/invitation\\?key=[A-Za-z0-9._~%-]+");

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectAdminClient
    Keycloak admin;

    private final Screenshots screenshots = new Screenshots("access");
    /** The people are made once: the realm lives as long as the class. */
    private static boolean peopleMade;
    /** The invitations' links, kept from their emails: the mail server starts each test empty. */
    private static String emilieLink;
    private static String newcomerLink;
    private WebDriver driver;

    @BeforeEach
    void people() throws Exception {
        driver = FrenchBrowser.of(browser.driver());
        if (peopleMade) {
            return;
        }
        Gestionnaires gestionnaires = new Gestionnaires(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString());
        gestionnaires.register(ACADEMIE, List.of(GRENOBLE, LILLE));
        PortalAccounts.create(realm, ALICE, "Alice", "Martin", ACADEMIE);
        PortalAccounts.create(realm, EMILIE, "Émilie", "Durand", LILLE);
        PortalAccounts.create(realm, PAUL, "Paul", "Durand", VAL_DE_LOIRE);
        gestionnaires.attach(ALICE, ACADEMIE);
        peopleMade = true;
    }

    @Test
    @Order(1)
    @DisplayName("Given a gestionnaire on the portal, then the gear of the Ceres card opens the centre's access page: people, invitations, requests")
    void gearOpensTheAccessPage() {
        signInOnThePortal();
        WebElement gear = PageActions.waitFor(driver, By.id("ceres-portal-manage-" + ACADEMIE));
        assertEquals("Gérer les accès", gear.getText().replace("⚙", "").trim());
        screenshots.take(driver, "01-portal-gear");

        PageActions.click(driver, gear);
        PageActions.waitFor(driver, By.id("ceres-access"));
        assertEquals(accessPage(), driver.getCurrentUrl());
        String page = PageActions.text(driver);
        assertTrue(page.contains("Gérer les accès"), page);
        assertTrue(page.contains("Centre : " + ACADEMIE_NAME + " (SIRET " + ACADEMIE + ")"), page);
        WebElement alice = habilitationRow(ALICE);
        assertTrue(alice.getText().contains("Alice Martin"), alice.getText());
        assertTrue(alice.getText().contains("Gestionnaire CENTRES"), alice.getText());
        assertTrue(alice.getText().contains(ACADEMIE), alice.getText());
        assertTrue(page.contains("Aucune invitation en attente."), page);
        assertTrue(page.contains("Demandes d'accès en attente"), page);
        assertTrue(page.contains("Aucune demande d'accès en attente."), page);
        screenshots.take(driver, "02-access-page");
    }

    @Test
    @Order(2)
    @DisplayName("Given the invite dialog, then typing « dura » suggests the company's Émilie Durand only; chosen with the keyboard and invited, she gets the procedure's email")
    void inviteAColleagueFoundByName() throws Exception {
        openInviteDialog();
        screenshots.take(driver, "03-invite-dialog");
        WebElement person = driver.findElement(By.id("ceres-invite-person"));
        assertEquals(person, driver.switchTo().activeElement(), "« Utilisateur » has the focus");
        person.sendKeys("dura");
        WebElement list = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("ceres-invite-suggestions")));
        List<WebElement> options = list.findElements(By.cssSelector("[role=option]"));
        assertEquals(1, options.size(), list.getText());
        assertTrue(options.get(0).getText().contains("Émilie Durand (" + EMILIE + ")"), options.get(0).getText());
        assertFalse(list.getText().contains(PAUL), "never another company's account");
        assertEquals("true", person.getAttribute("aria-expanded"));
        screenshots.take(driver, "04-suggestions");

        person.sendKeys(Keys.ARROW_DOWN);
        assertEquals(options.get(0).getAttribute("id"), person.getAttribute("aria-activedescendant"));
        person.sendKeys(Keys.ENTER);
        assertEquals("Personne choisie : Émilie Durand (" + EMILIE + ")", driver.findElement(By.id("ceres-invite-chosen")).getText());
        assertFalse(list.isDisplayed(), "the list closes once chosen");
        // Rôle and SIRET with the keyboard, then Enter sends the dialog.
        driver.findElement(By.id("ceres-invite-role-centre-agree")).sendKeys(Keys.SPACE);
        WebElement siret = driver.findElement(By.id("ceres-invite-siret"));
        assertEquals(List.of(ACADEMIE + " (centre)", GRENOBLE + " (site lié)", LILLE + " (site lié)"),
                new Select(siret).getOptions().stream().map(WebElement::getText).toList());
        new Select(siret).selectByValue(LILLE);
        WebElement form = driver.findElement(By.id("ceres-invite-form"));
        person.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(form));

        PageActions.waitFor(driver, By.id("ceres-invite-summary"));
        assertEquals("Émilie Durand (" + EMILIE + ")", driver.findElement(By.id("ceres-invite-invited")).getText());
        assertEquals("Centre agréé", driver.findElement(By.id("ceres-invite-chosen-role")).getText());
        assertEquals(LILLE, driver.findElement(By.id("ceres-invite-chosen-siret")).getText());
        assertTrue(PageActions.text(driver).contains("Récapitulatif de l'invitation"), PageActions.text(driver));
        assertEquals(SUBJECT, driver.findElement(By.id("ceres-invite-subject")).getText());
        assertEquals("Bonjour, Alice Martin vous invite à accéder au service CERES avec le rôle Centre agréé pour"
                        + " l'entreprise " + ACADEMIE_NAME + ". Pour valider cette invitation, veuillez vous connecter sur"
                        + " le portail Mes Démarches Emploi et Formation Professionnelle en suivant le lien ci-dessous.",
                driver.findElement(By.id("ceres-invite-message")).getText());
        assertTrue(new Mailbox(mailServer).to(EMILIE).isEmpty(), "nothing sent before « Continuer »");
        screenshots.take(driver, "05-summary");

        PageActions.click(driver, driver.findElement(By.id("ceres-invite-send")));
        assertInvitationSent(EMILIE, "Centre agréé", LILLE);
        screenshots.take(driver, "06-invitation-sent");
        assertAdminEvent("CREATE", invitationId(EMILIE));

        Mailbox.Mail mail = new Mailbox(mailServer).awaitMessage(EMILIE, 1);
        assertEquals(SUBJECT, mail.subject());
        assertTrue(mail.text().contains("Alice Martin vous invite à accéder au service CERES avec le rôle Centre agréé"
                + " pour l'entreprise " + ACADEMIE_NAME + "."), mail.text());
        emilieLink = invitationLink(mail);
        // The realm's email theme, ceres-dsfr, as the server resolves it: its look over the parent's layout and email.
        assertTrue(mail.html().contains("République<br>Française"), mail.html());
        assertTrue(mail.html().contains("<a href=\"" + emilieLink + "\" style=\"display:inline-block;"), "the button: " + mail.html());
        assertTrue(mail.html().contains(">Accepter l&#39;invitation</a>"), mail.html());
    }

    @Test
    @Order(3)
    @DisplayName("Given the search endpoint, then a name shared with another company's account only ever returns the company's")
    void searchNeverReturnsAnotherCompany() throws Exception {
        PortalHttp alice = new PortalHttp(realm.getBaseUrl()).signIn(ALICE, Applicant.PASSWORD);
        for (String typed : List.of("durand", "Durand", "dur", "paul", "valdeloire", "paul.durand@valdeloire.fr", "émilie durand")) {
            String json = alice.getJson(accessPage() + "/personnes?q=" + java.net.URLEncoder.encode(typed, "UTF-8")).body();
            assertFalse(json.contains("valdeloire"), typed + ": " + json);
        }
        // What she declares beside what is known: her account's SIRET, never checked by the register (made by the
        // admin API, no siretStatut), and her address's domain.
        assertEquals(new ObjectMapper().readTree("[{\"name\":\"Émilie Durand\",\"email\":\"" + EMILIE + "\",\"declared\":"
                        + "{\"siret\":\"" + LILLE + "\",\"siretVerified\":false,\"emailDomain\":\"academie.fr\",\"personalEmail\":false}}]"),
                new ObjectMapper().readTree(alice.getJson(accessPage() + "/personnes?q=durand").body()));
        assertEquals("[]", alice.getJson(accessPage() + "/personnes?q=du").body(), "fewer than 3 characters: nothing");
    }

    @Test
    @Order(4)
    @DisplayName("Given someone without an account, then « Ajouter son adresse email » invites the address, as gestionnaire; the email arrives")
    void inviteANewcomerByEmail() throws Exception {
        openInviteDialog();
        PageActions.click(driver, driver.findElement(By.id("ceres-invite-by-email")));
        WebElement email = PageActions.waitFor(driver, By.id("ceres-invite-email"));
        assertEquals(email, driver.switchTo().activeElement(), "the address has the focus");
        email.sendKeys("Nouvelle.Recrue@Exemple.fr");
        driver.findElement(By.id("ceres-invite-role-gestionnaire")).sendKeys(Keys.SPACE);
        screenshots.take(driver, "07-invite-by-email");
        PageActions.click(driver, driver.findElement(By.id("ceres-invite-continue")));

        PageActions.waitFor(driver, By.id("ceres-invite-summary"));
        assertEquals(NEWCOMER, driver.findElement(By.id("ceres-invite-invited")).getText());
        assertTrue(driver.findElement(By.id("ceres-invite-message")).getText().contains("avec le rôle Gestionnaire CENTRES"));
        PageActions.click(driver, driver.findElement(By.id("ceres-invite-send")));
        assertInvitationSent(NEWCOMER, "Gestionnaire CENTRES", ACADEMIE);

        Mailbox.Mail mail = new Mailbox(mailServer).awaitMessage(NEWCOMER, 1);
        assertEquals(SUBJECT, mail.subject());
        assertTrue(mail.text().contains("avec le rôle Gestionnaire CENTRES pour l'entreprise " + ACADEMIE_NAME), mail.text());
        newcomerLink = invitationLink(mail);
    }

    @Test
    @Order(5)
    @DisplayName("Given a pending invitation, a habilitation already held, or bad input, then the dialog says so in French and nothing is sent")
    void invitationsThatCannotBeMade() throws Exception {
        int invitations = invitationRows();

        // The newcomer again, same role and SIRET: already invited.
        openInviteDialog();
        byEmail(NEWCOMER, "ceres-invite-role-gestionnaire");
        PageActions.click(driver, driver.findElement(By.id("ceres-invite-continue")));
        assertProblem("Une invitation est déjà en attente pour " + NEWCOMER + " avec ce rôle et ce SIRET");

        // Alice herself, gestionnaire of the centre: already held.
        byEmail(ALICE, "ceres-invite-role-gestionnaire");
        PageActions.click(driver, driver.findElement(By.id("ceres-invite-continue")));
        assertProblem(ALICE + " dispose déjà de cette habilitation : aucune invitation n'a été envoyée.");

        // Not an address, no role.
        byEmail("pas-une-adresse", null);
        PageActions.click(driver, driver.findElement(By.id("ceres-invite-continue")));
        assertTrue(PageActions.text(driver).contains("Saisissez une adresse email valide (exemple : prenom.nom@exemple.fr)."), PageActions.text(driver));
        assertTrue(PageActions.text(driver).contains("Choisissez le rôle : Centre agréé ou Gestionnaire CENTRES."), PageActions.text(driver));
        assertEquals("true", driver.findElement(By.id("ceres-invite-email")).getAttribute("aria-invalid"));
        screenshots.take(driver, "08-invite-errors");

        // A SIRET that is not the centre's (the page offers none: the request is altered).
        byEmail("autre@exemple.fr", "ceres-invite-role-centre-agree");
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelector('#ceres-invite-siret option').value = '73282932000074';");
        PageActions.click(driver, driver.findElement(By.id("ceres-invite-continue")));
        assertTrue(PageActions.text(driver).contains("Choisissez le SIRET du centre ou de l'un de ses sites liés."), PageActions.text(driver));

        // Without script: a name and « Continuer » without choosing lists the company's accounts to choose from.
        openInviteDialog();
        // The value is set without an input event, so the page's script suggests nothing.
        ((JavascriptExecutor) driver).executeScript("document.getElementById('ceres-invite-person').value = 'durand';");
        PageActions.click(driver, driver.findElement(By.id("ceres-invite-search")));
        WebElement results = PageActions.waitFor(driver, By.id("ceres-invite-results"));
        assertTrue(results.getText().contains("Émilie Durand (" + EMILIE + ")"), results.getText());
        assertFalse(results.getText().contains(PAUL), results.getText());

        Mailbox mailbox = new Mailbox(mailServer);
        assertTrue(mailbox.to("autre@exemple.fr").isEmpty());
        assertTrue(mailbox.to("pas-une-adresse").isEmpty());
        assertTrue(mailbox.to(NEWCOMER).isEmpty(), "not invited twice");
        assertTrue(mailbox.to(ALICE).isEmpty());
        driver.get(accessPage());
        assertEquals(invitations, invitationRows(), "no invitation stored");
    }

    @Test
    @Order(6)
    @DisplayName("Given a pending invitation, then « Renvoyer » mails a new link and the old one says it is no longer valid")
    void resendVoidsTheOldLink() throws Exception {
        String oldLink = emilieLink;
        driver.get(accessPage());
        String invitation = invitationId(EMILIE);
        PageActions.click(driver, invitationRow(EMILIE).findElement(By.cssSelector("button[id^=ceres-access-resend-]")));

        WebElement notice = PageActions.waitFor(driver, By.id("ceres-access-notice"));
        assertEquals("Invitation renvoyée : un nouveau lien a été envoyé, le précédent ne fonctionne plus.", notice.getText());
        assertEquals("status", notice.getAttribute("role"));
        screenshots.take(driver, "09-invitation-resent");
        String newLink = invitationLink(new Mailbox(mailServer).awaitMessage(EMILIE, 1));
        assertNotEquals(oldLink, newLink);
        assertAdminEvent("UPDATE", invitation);

        // The invitee's browser, not the gestionnaire's.
        driver.manage().deleteAllCookies();
        driver.get(oldLink);
        assertTrue(PageActions.text(driver).contains("Un lien plus récent vous a été envoyé pour cette invitation : ce lien-ci n'est plus valable."), PageActions.text(driver));
        screenshots.take(driver, "10-old-link");
        driver.get(newLink);
        assertFalse(PageActions.text(driver).contains("n'est plus valable"), "the new link works: " + PageActions.text(driver));
        emilieLink = newLink;
    }

    @Test
    @Order(7)
    @DisplayName("Given a pending invitation, then « Annuler » removes it from the page and its link says it was cancelled")
    void cancelAnInvitation() throws Exception {
        String link = newcomerLink;
        driver.get(accessPage());
        if (driver.findElements(By.id("ceres-access")).isEmpty()) {
            signInOnThePortal();
            driver.get(accessPage());
        }
        String invitation = invitationId(NEWCOMER);
        PageActions.click(driver, invitationRow(NEWCOMER).findElement(By.cssSelector("button[id^=ceres-access-cancel-]")));
        assertEquals("Invitation annulée : son lien ne fonctionne plus.", PageActions.waitFor(driver, By.id("ceres-access-notice")).getText());
        assertTrue(driver.findElements(By.cssSelector("tr[data-email='" + NEWCOMER + "']")).isEmpty(), "no longer listed");
        screenshots.take(driver, "11-invitation-cancelled");
        assertAdminEvent("DELETE", invitation);

        driver.manage().deleteAllCookies();
        driver.get(link);
        assertTrue(PageActions.text(driver).contains("Cette invitation a été annulée par le gestionnaire du centre."), PageActions.text(driver));
    }

    @Test
    @Order(8)
    @DisplayName("Given the SMTP server unreachable, then « Continuer » says in French that the email could not be sent, and no invitation is stored")
    void nothingStoredWhenTheEmailCannotBeSent() throws Exception {
        String unreachable = "injoignable@exemple.fr";
        // Port 1 on the loopback: nothing listens there, the connection is refused at once. Restored after the test.
        realm.updateWithCleanup(r -> r.smtp("localhost", 1, "no-reply@mes-demarches.example"));
        PortalHttp alice = new PortalHttp(realm.getBaseUrl()).signIn(ALICE, Applicant.PASSWORD);
        String accessPage = accessPage();
        Map<String, String> form = InviteByEmail.form(PortalHttp.csrfOf(alice.get(accessPage).body()), unreachable,
                "centre-agree", GRENOBLE);

        HttpResponse<String> answer = alice.post(accessPage + "/inviter", form);
        assertEquals(200, answer.statusCode(), "the dialog again, not a redirect to « Email d'invitation transmis »");
        assertTrue(answer.body().contains("pas pu être envoyé"), answer.body());
        assertFalse(alice.get(accessPage).body().contains(unreachable), "no invitation listed: none was stored");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void signInOnThePortal() {
        driver.get(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.manage().deleteAllCookies();
        driver.get(realm.getBaseUrl() + "/ceres-portal/");
        PageActions.signIn(driver, ALICE);
        PageActions.waitFor(driver, By.id("ceres-portal"));
    }

    /** The dialog, from the access page's button (signing in first if the browser is not). */
    private void openInviteDialog() {
        driver.get(accessPage());
        if (driver.findElements(By.id("ceres-access")).isEmpty()) {
            signInOnThePortal();
            driver.get(accessPage());
        }
        PageActions.click(driver, PageActions.waitFor(driver, By.id("ceres-access-invite")));
        PageActions.waitFor(driver, By.id("ceres-invite-form"));
    }

    /** On the dialog: « Ajouter son adresse email » if not there yet, the address, the role (null: none). */
    private void byEmail(String address, String roleId) {
        if (driver.findElements(By.id("ceres-invite-email")).isEmpty()) {
            PageActions.click(driver, driver.findElement(By.id("ceres-invite-by-email")));
        }
        WebElement email = PageActions.waitFor(driver, By.id("ceres-invite-email"));
        email.clear();
        email.sendKeys(address);
        if (roleId != null) {
            // A mouse picks a role by its label: the DSFR draws the radio button there, over the hidden input.
            driver.findElement(By.cssSelector("label[for='" + roleId + "']")).click();
        } else {
            driver.findElements(By.cssSelector("input[name=role]:checked")).forEach(r ->
                    ((JavascriptExecutor) driver).executeScript("arguments[0].checked = false;", r));
        }
    }

    private void assertProblem(String expected) {
        WebElement problem = PageActions.waitFor(driver, By.id("ceres-invite-problem"));
        assertTrue(problem.getText().contains(expected), problem.getText());
        assertEquals("alert", problem.getAttribute("role"));
        assertFalse(driver.findElements(By.id("ceres-invite-form")).isEmpty(), "still on the dialog");
    }

    private void assertInvitationSent(String email, String role, String siret) {
        WebElement notice = PageActions.waitFor(driver, By.id("ceres-access-notice"));
        assertEquals("Email d'invitation transmis", notice.getText());
        assertEquals(accessPage() + "?notice=invitation-envoyee", driver.getCurrentUrl());
        WebElement row = invitationRow(email);
        assertTrue(row.getText().contains(role), row.getText());
        assertTrue(row.getText().contains(siret), row.getText());
        assertTrue(row.getText().contains("Alice Martin"), "the inviter: " + row.getText());
    }

    /** The invitation's id, from its row on the access page. */
    private String invitationId(String email) {
        return invitationRow(email).getAttribute("id").substring("ceres-access-invitation-".length());
    }

    /**
     * The gestionnaire's admin event on the invitation: on the path of Keycloak's Organization endpoints, by
     * Alice through the portal's client, and no link in it.
     */
    private void assertAdminEvent(String operation, String invitation) {
        String centreId = realm.admin().organizations().getAll().stream()
                .filter(o -> ACADEMIE.equals(o.getAlias())).findFirst().orElseThrow().getId();
        String aliceId = realm.admin().users().search(ALICE, true).get(0).getId();
        List<AdminEventRepresentation> events = realm.admin().getAdminEvents();
        assertTrue(events.stream().anyMatch(e -> operation.equals(e.getOperationType())
                        && "ORGANIZATION_MEMBERSHIP".equals(e.getResourceType())
                        && ("organizations/" + centreId + "/invitations/" + invitation).equals(e.getResourcePath())
                        && aliceId.equals(e.getAuthDetails().getUserId())),
                operation + " " + invitation + " in " + events.stream().map(e -> e.getOperationType() + " " + e.getResourcePath()).toList());
        assertTrue(events.stream().noneMatch(e -> String.valueOf(e.getRepresentation()).contains("key=")), "no link in events");
    }

    private WebElement invitationRow(String email) {
        return driver.findElement(By.cssSelector("#ceres-access-invitations tr[data-email='" + email + "']"));
    }

    private WebElement habilitationRow(String email) {
        return driver.findElement(By.cssSelector("#ceres-access-people tr[data-email='" + email + "']"));
    }

    private int invitationRows() {
        return driver.findElements(By.cssSelector("#ceres-access-invitations tbody tr")).size();
    }

    private static String invitationLink(Mailbox.Mail mail) {
        Matcher link = INVITATION_LINK.matcher(mail.text());
        assertTrue(link.find(), "no invitation link in:\n" + mail.text());
        return link.group();
    }

    private String accessPage() {
        return realm.getBaseUrl() + "/ceres-portal/acces/" + ACADEMIE;
    }


    /** Clicks and waits for the next page, so what follows reads that page, not this one. */

}
