package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.CeresSignIn;
import fr.ceres.keycloak.it.support.FrenchBrowser;
import fr.ceres.keycloak.it.support.Gestionnaires;
import fr.ceres.keycloak.it.support.InviteByEmail;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.PageActions;
import fr.ceres.keycloak.it.support.PortalAccounts;
import fr.ceres.keycloak.it.support.PortalHttp;
import fr.ceres.keycloak.it.support.Screenshots;
import fr.ceres.keycloak.it.support.SignUpPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Flow F4, accepting an invitation, end to end: a real server, its invitation emails read
 * from a real SMTP server, and the invitee in Chromium. The gestionnaire is made through flow F2 and
 * invites through the access page's own forms (plain HTTP, {@link PortalHttp}); the invitee follows the
 * link of the email.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvitationAcceptIT {

    private static final String ACADEMIE = "41823967900016";
    private static final String GRENOBLE = "41823967900024";
    private static final String GESTIONNAIRE = "alice@academie.fr";
    private static final String COMPANY = "ACADEMIE DES FORMATIONS ET DES COMPETENCES";
    private static final Pattern INVITATION_LINK = Pattern.compile("https?://\\S+/ceres-portal/invitation\\?key=\\S+");
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectAdminClient
    Keycloak admin;

    /** Moves the server's clock (Keycloak's own time offset), reset after each test. */
    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    private final Screenshots screenshots = new Screenshots("invitation");

    /** The centre's gestionnaire, signed in over HTTP; made once, the realm lives as long as the class. */
    private static PortalHttp alice;

    @BeforeEach
    void gestionnaire() throws Exception {
        if (alice != null) {
            return;
        }
        Gestionnaires gestionnaires = new Gestionnaires(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString());
        gestionnaires.register(ACADEMIE, List.of(GRENOBLE));
        PortalAccounts.create(realm, GESTIONNAIRE, "Alice", "Martin", ACADEMIE);
        gestionnaires.attach(GESTIONNAIRE, ACADEMIE);
        alice = new PortalHttp(realm.getBaseUrl()).signIn(GESTIONNAIRE, Applicant.PASSWORD);
    }

    @Test
    @DisplayName("Given an invited person with an account, then the email's link signs them in, shows what they accept, and once accepted their token for ceres carries the habilitation; the link then works no more")
    void existingAccountAccepts() throws Exception {
        String email = "marie@academie.fr";
        PortalAccounts.create(realm, email, "Marie", "Curie", GRENOBLE);
        invite(email, "centre-agree", GRENOBLE);

        Mailbox.Mail mail = new Mailbox(mailServer).awaitMessage(email, 1);
        assertEquals("Invitation à rejoindre la démarche CERES", mail.subject());
        String text = mail.text().replace("\r\n", "\n");
        assertTrue(text.contains("Bonjour,\n\nAlice Martin vous invite à accéder au service CERES avec le rôle"
                + " Centre agréé pour l'entreprise " + COMPANY + ".\n\nPour valider cette invitation, veuillez vous"
                + " connecter sur le portail Mes Démarches Emploi et Formation Professionnelle en suivant le lien"
                + " ci-dessous."), text);
        assertTrue(text.contains("(heure de Paris)"), text);
        String link = linkOf(mail);

        WebDriver driver = FrenchBrowser.fresh(browser.driver(), realm.getBaseUrl());
        driver.get(link);
        PageActions.signIn(driver, email);
        PageActions.waitFor(driver, By.id("ceres-invitation-form"));
        assertEquals(invitationPage(), driver.getCurrentUrl(), "back on the invitation page, neither code nor key in the address");
        String page = PageActions.text(driver);
        assertTrue(page.contains("Alice Martin vous invite à accéder au service CERES"), page);
        assertEquals("Centre agréé", driver.findElement(By.id("ceres-invitation-role")).getText());
        assertEquals(GRENOBLE, driver.findElement(By.id("ceres-invitation-siret")).getText());
        assertEquals(COMPANY, driver.findElement(By.id("ceres-invitation-company")).getText());
        screenshots.take(driver, "01-confirm");

        PageActions.click(driver, driver.findElement(By.id("ceres-invitation-accept")));
        PageActions.waitFor(driver, By.id("ceres-invitation-portal"));
        assertEquals(invitationPage(), driver.getCurrentUrl(), "post-redirect-get back to the page, the key kept by the browser");
        assertTrue(PageActions.text(driver).contains("Vous disposez désormais de cette habilitation pour l'entreprise " + COMPANY), PageActions.text(driver));
        screenshots.take(driver, "02-accepted");

        assertEquals(List.of(Map.of("siret", GRENOBLE, "role", "centre-agree", "centre", ACADEMIE)), habilitationsInToken(email));
        List<EventRepresentation> events = acceptances(invitationId(link));
        assertEquals(1, events.size(), events.toString());
        assertEquals(Map.of("ceres_action", "accept-invitation", "ceres_centre", ACADEMIE, "ceres_siret", GRENOBLE,
                "ceres_role", "centre-agree", "ceres_invitation", invitationId(link)), events.get(0).getDetails());

        // Used: the link shows so to anybody, signed in or not, and grants nothing more.
        driver = FrenchBrowser.fresh(browser.driver(), realm.getBaseUrl());
        driver.get(link);
        assertEquals("used", PageActions.waitFor(driver, By.id("ceres-invitation")).getAttribute("data-invitation-state"));
        assertTrue(PageActions.text(driver).contains("Cette invitation a déjà été acceptée : le lien ne peut servir qu'une fois."), PageActions.text(driver));
        screenshots.take(driver, "03-used");
        PortalHttp visitor = PortalHttp.anonymous(realm.getBaseUrl());
        HttpResponse<String> anonymous = visitor.follow(visitor.get(link));
        assertEquals(400, anonymous.statusCode());
        assertEquals("no-store", anonymous.headers().firstValue("Cache-Control").orElse(""));
        assertNoEventHolds(keyOf(link));
    }

    @Test
    @DisplayName("Given an invited newcomer, then the link leads to sign-up with the address fixed (another one refused), no activation email, straight back to accept")
    void newcomerSignsUp() throws Exception {
        String email = "nouveau@academie.fr";
        invite(email, "gestionnaire", ACADEMIE);
        Mailbox mailbox = new Mailbox(mailServer);
        String link = linkOf(mailbox.awaitMessage(email, 1));

        WebDriver driver = FrenchBrowser.fresh(browser.driver(), realm.getBaseUrl());
        driver.get(link);
        WebElement emailField = PageActions.waitFor(driver, By.id("email"));
        assertTrue(driver.getCurrentUrl().contains("/protocol/openid-connect/registrations"), driver.getCurrentUrl());
        assertEquals(email, emailField.getDomProperty("value"));
        assertEquals("true", emailField.getDomProperty("readOnly"));
        screenshots.take(driver, "04-sign-up-fixed-email");

        // The field is only read-only in the page: a changed address is refused by the server.
        ((JavascriptExecutor) driver).executeScript(
                "const f = document.getElementById('email'); f.readOnly = false; f.value = 'autre@academie.fr';");
        new SignUpPage(driver).fillAllButTheAddress();
        PageActions.click(driver, driver.findElement(By.id("kc-submit")));
        assertTrue(PageActions.text(driver).contains("Ce compte doit être créé avec l'adresse à laquelle l'invitation a été envoyée."), PageActions.text(driver));
        assertEquals(email, driver.findElement(By.id("email")).getDomProperty("value"));
        assertTrue(realm.admin().users().searchByEmail("autre@academie.fr", true).isEmpty(), "no account for the other address");
        screenshots.take(driver, "05-other-address-refused");

        new SignUpPage(driver).fillAllButTheAddress();
        PageActions.click(driver, driver.findElement(By.id("kc-submit")));
        PageActions.waitFor(driver, By.id("ceres-invitation-form"));
        assertEquals(invitationPage(), driver.getCurrentUrl(), "back on the invitation page, the key kept by the browser");
        screenshots.take(driver, "06-newcomer-confirm");
        PageActions.click(driver, driver.findElement(By.id("ceres-invitation-accept")));
        PageActions.waitFor(driver, By.id("ceres-invitation-portal"));

        UserRepresentation account = realm.admin().users().searchByEmail(email, true).get(0);
        assertTrue(account.isEmailVerified(), "the link proved the address");
        assertEquals(List.of(), account.getRequiredActions());
        assertNull(account.getAttributes() == null ? null : account.getAttributes().get("ceresSignupPending"),
                "not an abandoned sign-up: the purge leaves it");
        assertEquals(1, mailbox.to(email).size(), "the invitation only: no activation email");
        assertEquals(List.of(Map.of("siret", ACADEMIE, "role", "gestionnaire", "centre", ACADEMIE)), habilitationsInToken(email));
        assertNoEventHolds(keyOf(link));
    }

    @Test
    @DisplayName("Given someone else signed in, then the link says whom it is for and offers to switch account; their acceptance is refused (403) and grants nothing; after switching, the invitee accepts")
    void anotherAccountIsRefused() throws Exception {
        String email = "paul@academie.fr";
        PortalAccounts.create(realm, email, "Paul", "Vidal", ACADEMIE);
        invite(email, "centre-agree", ACADEMIE);
        String link = linkOf(new Mailbox(mailServer).awaitMessage(email, 1));

        WebDriver driver = FrenchBrowser.fresh(browser.driver(), realm.getBaseUrl());
        driver.get(realm.getBaseUrl() + "/ceres-portal/");
        PageActions.signIn(driver, GESTIONNAIRE);
        PageActions.waitFor(driver, By.id("ceres-portal"));
        driver.get(link);
        PageActions.waitFor(driver, By.id("ceres-invitation-switch"));
        assertTrue(PageActions.text(driver).contains("Cette invitation est adressée à " + email + ", mais vous êtes connecté avec le compte "
                + GESTIONNAIRE + "."), PageActions.text(driver));
        assertTrue(driver.findElements(By.id("ceres-invitation-accept")).isEmpty());
        screenshots.take(driver, "07-other-account");

        // Alice posts the acceptance herself, with her own session's valid CSRF token: refused.
        String csrf = PortalHttp.csrfOf(alice.get(realm.getBaseUrl() + "/ceres-portal/acces/" + ACADEMIE).body());
        HttpResponse<String> forced = alice.post(realm.getBaseUrl() + "/ceres-portal/invitation",
                Map.of("key", keyOf(link), "csrf", csrf));
        assertEquals(403, forced.statusCode(), forced.body());
        assertTrue(acceptances(invitationId(link)).isEmpty(), "nothing accepted");
        assertTrue(habilitationsInToken(GESTIONNAIRE).stream().noneMatch(h -> h.get("role").equals("centre-agree")));

        driver = FrenchBrowser.fresh(browser.driver(), realm.getBaseUrl());
        driver.get(realm.getBaseUrl() + "/ceres-portal/");
        PageActions.signIn(driver, GESTIONNAIRE);
        PageActions.waitFor(driver, By.id("ceres-portal"));
        driver.get(link);
        PageActions.click(driver, PageActions.waitFor(driver, By.id("ceres-invitation-switch")));
        PageActions.click(driver, PageActions.waitFor(driver, By.id("kc-logout")));
        PageActions.signIn(driver, email);
        PageActions.click(driver, PageActions.waitFor(driver, By.id("ceres-invitation-accept")));
        PageActions.waitFor(driver, By.id("ceres-invitation-portal"));
        assertEquals(1, acceptances(invitationId(link)).size());
        assertNoEventHolds(keyOf(link));
    }

    @Test
    @DisplayName("Given a resent, a cancelled and a mangled link, then each shows its own French page (400) and nothing can be accepted")
    void unusableLinks() throws Exception {
        String email = "lea@academie.fr";
        PortalAccounts.create(realm, email, "Léa", "Simon", ACADEMIE);
        invite(email, "centre-agree", ACADEMIE);
        Mailbox mailbox = new Mailbox(mailServer);
        String first = linkOf(mailbox.awaitMessage(email, 1));
        String invitation = invitationId(first);
        String csrf = PortalHttp.csrfOf(alice.get(accessPage()).body());
        assertEquals(303, alice.post(accessPage() + "/invitations/" + invitation + "/renvoyer", Map.of("csrf", csrf)).statusCode());
        String second = linkOf(mailbox.awaitMessage(email, 2));
        assertFalse(second.equals(first), "a new link");

        WebDriver driver = FrenchBrowser.fresh(browser.driver(), realm.getBaseUrl());
        driver.get(first);
        assertEquals("superseded", PageActions.waitFor(driver, By.id("ceres-invitation")).getAttribute("data-invitation-state"));
        assertTrue(PageActions.text(driver).contains("Un lien plus récent vous a été envoyé pour cette invitation"), PageActions.text(driver));
        screenshots.take(driver, "08-superseded");

        assertEquals(303, alice.post(accessPage() + "/invitations/" + invitation + "/annuler", Map.of("csrf", csrf)).statusCode());
        driver.get(second);
        assertEquals("cancelled", PageActions.waitFor(driver, By.id("ceres-invitation")).getAttribute("data-invitation-state"));
        assertTrue(PageActions.text(driver).contains("Cette invitation a été annulée par le gestionnaire du centre."), PageActions.text(driver));
        screenshots.take(driver, "09-cancelled");

        String mangled = second.substring(0, second.length() - 3) + (second.endsWith("AAA") ? "BBB" : "AAA");
        driver.get(mangled);
        assertEquals("invalid", PageActions.waitFor(driver, By.id("ceres-invitation")).getAttribute("data-invitation-state"));
        assertTrue(PageActions.text(driver).contains("Ce lien d'invitation n'est pas valide."), PageActions.text(driver));
        screenshots.take(driver, "10-invalid");

        for (String link : List.of(first, second, mangled)) {
            PortalHttp visitor = PortalHttp.anonymous(realm.getBaseUrl());
            assertEquals(400, visitor.follow(visitor.get(link)).statusCode(), link);
        }
        PortalHttp lea = new PortalHttp(realm.getBaseUrl()).signIn(email, Applicant.PASSWORD);
        assertEquals(400, lea.follow(lea.get(first)).statusCode());
        assertTrue(acceptances(invitation).isEmpty());

        // Whatever is posted as key: back to the link's page, which says it is not valid.
        HttpResponse<String> odd = alice.post(realm.getBaseUrl() + "/ceres-portal/invitation",
                Map.of("key", "{x}<script>", "csrf", csrf));
        assertEquals(303, odd.statusCode(), odd.body());
        HttpResponse<String> oddPage = alice.follow(odd);
        assertEquals(400, oddPage.statusCode());
        assertTrue(oddPage.body().contains("data-invitation-state=\"invalid\""), oddPage.body());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    @DisplayName("Given a link past the invitation's lifetime, then it shows the expired page (400), even to the invitee signed in, and nothing can be accepted")
    void expiredLink() throws Exception {
        String email = "zoe@academie.fr";
        PortalAccounts.create(realm, email, "Zoé", "Faure", ACADEMIE);
        invite(email, "centre-agree", ACADEMIE);
        String link = linkOf(new Mailbox(mailServer).awaitMessage(email, 1));

        // One day past the default lifetime of 7 days: the server's clock moves, not the link. Last of
        // the class, as the moved clock also ages the other tests' sessions.
        timeOffSet.set(Duration.ofDays(8));

        WebDriver driver = FrenchBrowser.fresh(browser.driver(), realm.getBaseUrl());
        driver.get(link);
        assertEquals("expired", PageActions.waitFor(driver, By.id("ceres-invitation")).getAttribute("data-invitation-state"));
        assertTrue(PageActions.text(driver).contains("Ce lien d'invitation a expiré. Demandez à votre gestionnaire de vous renvoyer l'invitation."),
                PageActions.text(driver));
        screenshots.take(driver, "11-expired");
        PortalHttp zoe = new PortalHttp(realm.getBaseUrl()).signIn(email, Applicant.PASSWORD);
        assertEquals(400, zoe.follow(zoe.get(link)).statusCode());
        HttpResponse<String> posted = zoe.post(realm.getBaseUrl() + "/ceres-portal/invitation",
                Map.of("key", keyOf(link), "csrf", PortalHttp.csrfOf(zoe.get(realm.getBaseUrl() + "/ceres-portal/").body())));
        assertEquals(400, zoe.follow(posted).statusCode(), "posting the expired link grants nothing");
        assertTrue(acceptances(invitationId(link)).isEmpty());
    }

    @Test
    @Tag("concurrency")
    @DisplayName("Given the invitee's form posted at once from eight signed-in browsers, then all land back on the link and it is accepted once")
    void concurrentAcceptsGrantOnce() throws Exception {
        String email = "hugo@academie.fr";
        PortalAccounts.create(realm, email, "Hugo", "Leroy", GRENOBLE);
        invite(email, "gestionnaire", GRENOBLE);
        String link = linkOf(new Mailbox(mailServer).awaitMessage(email, 1));
        List<Callable<HttpResponse<String>>> posts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            PortalHttp hugo = new PortalHttp(realm.getBaseUrl()).signIn(email, Applicant.PASSWORD);
            HttpResponse<String> confirm = hugo.follow(hugo.get(link));
            assertEquals(200, confirm.statusCode(), confirm.body());
            Map<String, String> form = Map.of("key", keyOf(link), "csrf", PortalHttp.csrfOf(confirm.body()));
            posts.add(() -> hugo.post(realm.getBaseUrl() + "/ceres-portal/invitation", form));
        }

        ExecutorService pool = Executors.newFixedThreadPool(posts.size());
        try {
            for (Future<HttpResponse<String>> answer : pool.invokeAll(posts)) {
                assertEquals(303, answer.get().statusCode(), answer.get().body());
                assertEquals(invitationPage(), answer.get().headers().firstValue("Location").orElse(""));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, acceptances(invitationId(link)).size());
        PortalHttp hugo = new PortalHttp(realm.getBaseUrl()).signIn(email, Applicant.PASSWORD);
        assertTrue(hugo.follow(hugo.get(link)).body().contains("data-invitation-state=\"accepted\""));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private String accessPage() {
        return realm.getBaseUrl() + "/ceres-portal/acces/" + ACADEMIE;
    }

    /** Alice invites by email through the access page's form, straight to « Continuer ». */
    private void invite(String email, String role, String siret) throws Exception {
        String csrf = PortalHttp.csrfOf(alice.get(accessPage()).body());
        HttpResponse<String> invited = alice.post(accessPage() + "/inviter",
                InviteByEmail.form(csrf, email, role, siret));
        assertEquals(303, invited.statusCode(), invited.body());
    }

    private static String linkOf(Mailbox.Mail mail) {
        Matcher link = INVITATION_LINK.matcher(mail.text());
        assertTrue(link.find(), mail.text());
        return link.group();
    }

    /** The invitation page without key: where signing in or up comes back to (the key waits in a cookie). */
    private String invitationPage() {
        return realm.getBaseUrl() + "/ceres-portal/invitation";
    }

    private static String keyOf(String link) {
        return link.substring(link.indexOf("key=") + 4);
    }

    /** The invitation the link names, read from its token (the test trusts its own server). */
    private static String invitationId(String link) throws Exception {
        String payload = keyOf(link).split("\\.")[1];
        JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        String id = claims.path("ceres_inv").asText(null);
        assertNotNull(id, claims.toString());
        return id;
    }

    /** The successful INVITE_ORG events of that invitation: one per acceptance. */
    private List<EventRepresentation> acceptances(String invitationId) {
        return realm.admin().getEvents(List.of("INVITE_ORG"), null, null, null, null, null, 0, 100).stream()
                .filter(e -> invitationId.equals(e.getDetails() == null ? null : e.getDetails().get("ceres_invitation")))
                .toList();
    }

    /**
     * Keycloak records the addresses of sign-ins, sign-ups and sign-outs in its events (stored, and logged
     * for errors): none may hold a link's key, which is a live bearer link until used.
     */
    private void assertNoEventHolds(String key) {
        String events = realm.admin().getEvents(null, null, null, null, null, null, 0, 10_000).stream()
                .map(e -> e.getType() + " " + e.getDetails()).collect(Collectors.joining("\n"));
        assertTrue(events.contains("redirect_uri"), "the events do record addresses: " + events);
        assertFalse(events.contains(key), "a link's key in the user events: " + events);
        String adminEvents = realm.admin().getAdminEvents().stream()
                .map(e -> e.getResourcePath() + " " + e.getRepresentation()).collect(Collectors.joining("\n"));
        assertFalse(adminEvents.contains(key), "a link's key in the admin events");
    }

    /** The {@code ceres_habilitations} claim of an access token for client {@code ceres}. */
    private List<Map<String, String>> habilitationsInToken(String email) throws Exception {
        String clientUuid = realm.admin().clients().findByClientId("ceres").get(0).getId();
        String secret = realm.admin().clients().get(clientUuid).getSecret().getValue();
        JsonNode tokens = new CeresSignIn(browser.driver(), realm.getBaseUrl(), secret).signIn(email, Applicant.PASSWORD);
        JsonNode claim = CeresSignIn.claims(tokens.get("access_token").asText()).path("ceres_habilitations");
        List<Map<String, String>> habilitations = new ArrayList<>();
        claim.forEach(h -> habilitations.add(Map.of("siret", h.get("siret").asText(), "role", h.get("role").asText(),
                "centre", h.get("centre").asText())));
        return habilitations;
    }
}
