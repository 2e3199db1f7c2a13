package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import fr.ceres.keycloak.it.support.ActivatedAccounts;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.AttachPage;
import fr.ceres.keycloak.it.support.CentreLetters;
import fr.ceres.keycloak.it.support.CeresAuthorization;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.CeresSignIn;
import fr.ceres.keycloak.it.support.FrenchBrowser;
import fr.ceres.keycloak.it.support.Gestionnaires;
import fr.ceres.keycloak.it.support.InviteByEmail;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.PageActions;
import fr.ceres.keycloak.it.support.PageAudit;
import fr.ceres.keycloak.it.support.PortalAccounts;
import fr.ceres.keycloak.it.support.PortalHttp;
import fr.ceres.keycloak.it.support.SignUpPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RoleRepresentation;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine checks of accessibility (RGAA 4.1, which follows WCAG 2.1 AA) on every page the bundle shows,
 * each in its normal state and in its error states, through the flows that lead there, in one browser against
 * one server: axe-core's WCAG 2.0/2.1 A and AA rules at 1280 px and at 375 px, no sideways scrolling at 320 px,
 * {@code <html lang>}, a skip link first, a title of its own ({@link PageAudit}). The test visits everything,
 * then fails once with the list of every failure: page, state, width, rule, elements.
 *
 * <p>axe-core comes as Deque's Java binding {@code com.deque.html.axe-core:selenium}, whose jar carries the
 * axe-core script itself: Maven resolves and pins it like any test dependency, with nothing vendored in the
 * repository and no script to refresh it, and its results come back as typed objects. Injecting the npm
 * package's script by hand would give a newer axe-core, at the price of a committed copy of it and of the
 * JSON to parse here.
 *
 * <p>The accessibility statement ({@code /ceres-portal/accessibilite}) is required like every other page: until
 * it is served, the test lists it as a failure. The development mail viewer is not part of the server the
 * tests start (it belongs to the run command), so it is not visited here. Each page is saved at both widths
 * under {@code target/screenshots/<flow>/}; {@code -Dscreenshots.dir=../docs/screenshots} saves them for
 * the README instead.
 *
 * <p>Expired links are reached last, by moving the server's clock eight days on (Keycloak's time offset): an
 * activation link lasts a day, an invitation seven.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
class AccessibilityIT {

    private static final String ACADEMIE = "41823967900016";
    private static final String GRENOBLE = "41823967900024";
    private static final String LILLE = "41823967900032";
    private static final String VAL_DE_LOIRE = "52047381000015";
    private static final String UNKNOWN_SIRET = "99999999900017";
    private static final String WRONG_CODE = "0000-0000-0000";
    /** Gestionnaire of ACADEMIE. */
    private static final String ALICE = "alice.a11y@academie.fr";
    /** Of the company, not of the centre: asks for access, and is refused the access page. */
    private static final String CHLOE = "chloe.a11y@academie.fr";
    /** Invited with an account. */
    private static final String MARIE = "marie.a11y@academie.fr";
    /** Invited without one; the link expires. */
    private static final String NEWCOMER = "recrue.a11y@exemple.fr";
    /** Without habilitation: the attach page, the empty portal, the agent page refused. */
    private static final String VISITOR = "visiteur.a11y@cfa-exemple.fr";
    /** Locked out by wrong passwords. */
    private static final String LOCKED = "verrou.a11y@cfa-exemple.fr";
    private static final String AGENT = "agent.a11y@dreets.gouv.fr";

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectWebDriver
    ManagedWebDriver browser;

    /** The master realm's administrator: registers centres and issues codes like a DREETS agent. */
    @InjectAdminClient
    Keycloak admin;

    /** Moves the server's clock for the expired links, put back by the framework after the test. */
    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    private WebDriver driver;
    private PageAudit audit;

    @Test
    @DisplayName("Given every page in each of its states, at 1280 px and 375 px, then no WCAG A/AA violation, no sideways scrolling at 320 px, a language, a skip link first and a title of its own")
    void everyPageInEveryState() throws Exception {
        people();
        driver = FrenchBrowser.of(browser.driver());
        audit = new PageAudit(driver);
        try {
            signIn();
            signUpAndActivation();
            attach();
            portalAndAccessPage();
            accessRequests();
            String newcomerLink = invitations();
            agentPage();
            keycloakErrors();
            accessibilityStatement();
            expiredLinks(newcomerLink);
        } finally {
            audit.release();
        }
        audit.assertClean();
    }

    private void people() throws Exception {
        gestionnaires().register(ACADEMIE, List.of(GRENOBLE, LILLE));
        PortalAccounts.create(realm, ALICE, "Alice", "Martin", ACADEMIE);
        PortalAccounts.create(realm, CHLOE, "Chloé", "Roux", LILLE);
        PortalAccounts.create(realm, MARIE, "Marie", "Curie", GRENOBLE);
        gestionnaires().attach(ALICE, ACADEMIE);
        ActivatedAccounts.create(realm, VISITOR);
        ActivatedAccounts.create(realm, LOCKED);
        String agent = ActivatedAccounts.create(realm, AGENT);
        RoleRepresentation agentRole = realm.admin().roles().get("ceres-agent").toRepresentation();
        realm.admin().users().get(agent).roles().realmLevel().add(List.of(agentRole));
    }

    /** The realm's sign-in page, as the portal opens it; wrong password; locked out after five (the realm's brute-force limit). */
    private void signIn() {
        fresh();
        driver.get(portal());
        PageActions.waitFor(driver, By.id("username"));
        audit.check("sign-in", "sign-in", "normal");

        tryPassword(LOCKED, "Mauvais-mot-2026");
        audit.check("sign-in", "sign-in", "wrong-password");
        for (int attempt = 2; attempt <= 5; attempt++) {
            tryPassword(LOCKED, "Mauvais-mot-2026");
        }
        tryPassword(LOCKED, Applicant.PASSWORD);
        audit.check("sign-in", "sign-in", "locked-out");
    }

    /** « Créer mon compte » empty, sent empty, with an unknown SIRET; « Activez votre compte »; the link's pages. */
    private void signUpAndActivation() {
        String email = "inscription.a11y@cfa-exemple.fr";
        SignUpPage page = new SignUpPage(driver).open(realm.getBaseUrl());
        audit.check("sign-up", "sign-up", "normal");
        page.submit();
        audit.check("sign-up", "sign-up", "empty-fields");
        page.fill(Applicant.valid(email).withSiret(UNKNOWN_SIRET));
        page.submit();
        audit.check("sign-up", "sign-up", "unknown-siret");
        page.fill(Applicant.valid(email));
        page.awaitPrefill("raisonSociale");
        page.submit();
        audit.check("sign-up", "activation-email-sent", "normal");

        String link = new Mailbox(mailServer).awaitMessage(email, 1).actionLink();
        fresh();
        driver.get(link);
        PageActions.waitFor(driver, By.id("ceres-activate"));
        audit.check("activation", "activation", "normal");
        page.clickAndAwaitNextPage(By.id("ceres-activate"));
        audit.check("activation", "activation", "activated");
        fresh();
        driver.get(link);
        audit.check("activation", "activation", "link-used");
    }

    /** « Rattacher le service Ceres » on signing in to Ceres: empty, malformed SIRET, wrong code, locked out. */
    private void attach() throws Exception {
        new CentreLetters(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString()).registerAndIssue(VAL_DE_LOIRE);
        String clientUuid = realm.admin().clients().findByClientId("ceres").get(0).getId();
        String secret = realm.admin().clients().get(clientUuid).getSecret().getValue();
        new CeresAuthorization(driver, realm.getBaseUrl(), secret).open("").logIn(VISITOR, Applicant.PASSWORD);
        AttachPage page = new AttachPage(driver);
        PageActions.waitFor(driver, By.id("ceres-attach-form"));
        audit.check("attach", "attach", "normal");

        page.attach("73282932000075", WRONG_CODE);
        audit.check("attach", "attach", "malformed-siret");
        page.attach(VAL_DE_LOIRE, WRONG_CODE);
        audit.check("attach", "attach", "wrong-code");
        for (int attempt = 2; attempt <= 5; attempt++) {
            page.attach(VAL_DE_LOIRE, WRONG_CODE);
        }
        page.attach(VAL_DE_LOIRE, WRONG_CODE);
        audit.check("attach", "attach", "locked-out");
    }

    /**
     * « Mes démarches » without and with a démarche; the access page; the invite dialog, its errors, its summary
     * (the newcomer invited here is the one whose link expires at the end); the sign-out confirmation.
     */
    private void portalAndAccessPage() {
        signInOnThePortal(VISITOR);
        audit.check("portal", "portal", "no-demarche");

        signInOnThePortal(ALICE);
        audit.check("portal", "portal", "gestionnaire");

        driver.get(accessPage());
        PageActions.waitFor(driver, By.id("ceres-access"));
        audit.check("access", "access", "normal");

        PageActions.click(driver, driver.findElement(By.id("ceres-access-invite")));
        PageActions.waitFor(driver, By.id("ceres-invite-form"));
        audit.check("access", "invite", "normal");
        PageActions.click(driver, driver.findElement(By.id("ceres-invite-by-email")));
        PageActions.waitFor(driver, By.id("ceres-invite-email")).sendKeys("pas-une-adresse");
        PageActions.click(driver, driver.findElement(By.id("ceres-invite-continue")));
        audit.check("access", "invite", "errors");
        WebElement email = PageActions.waitFor(driver, By.id("ceres-invite-email"));
        email.clear();
        email.sendKeys(NEWCOMER);
        driver.findElement(By.id("ceres-invite-role-gestionnaire")).sendKeys(Keys.SPACE);
        PageActions.click(driver, driver.findElement(By.id("ceres-invite-continue")));
        PageActions.waitFor(driver, By.id("ceres-invite-summary"));
        audit.check("access", "invite", "summary");
        PageActions.click(driver, driver.findElement(By.id("ceres-invite-send")));
        PageActions.waitFor(driver, By.id("ceres-access-notice"));
        audit.check("access", "access", "invitation-sent");

        driver.get(portal());
        PageActions.click(driver, PageActions.waitFor(driver, By.id("ceres-portal-logout")));
        PageActions.waitFor(driver, By.id("kc-logout"));
        audit.check("sign-in", "sign-out", "normal");
    }

    /** « Demander l'accès » on the portal, the request sent, the access page refused to its author, the request on the access page. */
    private void accessRequests() {
        signInOnThePortal(CHLOE);
        PageActions.waitFor(driver, By.id("ceres-portal-requests"));
        audit.check("access-request", "portal", "ask");
        PageActions.click(driver, driver.findElement(By.id("ceres-portal-request-ask-" + ACADEMIE)));
        PageActions.waitFor(driver, By.id("ceres-portal-notice"));
        audit.check("access-request", "portal", "request-sent");

        driver.get(accessPage());
        audit.check("access", "access", "forbidden");

        signInOnThePortal(ALICE);
        driver.get(accessPage());
        PageActions.waitFor(driver, By.cssSelector("[id^='ceres-access-accept-'] > summary")).click();
        audit.check("access-request", "access", "request-to-accept");
    }

    /**
     * The invitation of a person with an account: confirm, accepted, used, a damaged link; a newcomer's link, to
     * the sign-up with the address fixed. Returns the newcomer's link, which expires at the end.
     */
    private String invitations() throws Exception {
        PortalHttp alice = new PortalHttp(realm.getBaseUrl()).signIn(ALICE, Applicant.PASSWORD);
        String csrf = PortalHttp.csrfOf(alice.get(accessPage()).body());
        HttpResponse<String> invited = alice.post(accessPage() + "/inviter", InviteByEmail.form(csrf, MARIE, "centre-agree", GRENOBLE));
        assertEquals(303, invited.statusCode(), invited.body());
        Mailbox mailbox = new Mailbox(mailServer);
        String link = mailbox.awaitMessage(MARIE, 1).invitationLink();

        fresh();
        driver.get(link);
        PageActions.signIn(driver, MARIE);
        PageActions.waitFor(driver, By.id("ceres-invitation-form"));
        audit.check("invitation", "invitation", "normal");
        PageActions.click(driver, driver.findElement(By.id("ceres-invitation-accept")));
        PageActions.waitFor(driver, By.id("ceres-invitation-portal"));
        audit.check("invitation", "invitation", "accepted");

        fresh();
        driver.get(link);
        PageActions.waitFor(driver, By.id("ceres-invitation"));
        audit.check("invitation", "invitation", "used");
        driver.get(link.substring(0, link.length() - 3) + (link.endsWith("AAA") ? "BBB" : "AAA"));
        PageActions.waitFor(driver, By.id("ceres-invitation"));
        audit.check("invitation", "invitation", "invalid");

        String newcomerLink = mailbox.awaitMessage(NEWCOMER, 1).invitationLink();
        fresh();
        driver.get(newcomerLink);
        PageActions.waitFor(driver, By.id("email"));
        audit.check("invitation", "sign-up", "invited");
        return newcomerLink;
    }

    /** The agents' page: signed in as an agent, a refused registration, and signed in as someone who is not an agent. */
    private void agentPage() {
        openAgentPage(AGENT);
        PageActions.waitFor(driver, By.cssSelector("#outils:not([hidden])"));
        audit.check("agent", "agent", "normal");
        WebElement siret = driver.findElement(By.id("siret"));
        siret.sendKeys("12345678900000");
        driver.findElement(By.id("reference")).sendKeys("AGR-92-2019-0001");
        driver.findElement(By.cssSelector("#form-enregistrer button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("erreur-enregistrer")));
        audit.check("agent", "agent", "register-error");

        openAgentPage(VISITOR);
        PageActions.waitFor(driver, By.cssSelector("#erreur-page:not([hidden])"));
        audit.check("agent", "agent", "reserved");
    }

    /** Keycloak's own error page, in the realm's theme: an unknown application, an address not allowed to come back to. */
    private void keycloakErrors() {
        fresh();
        driver.get(realm.getBaseUrl() + "/protocol/openid-connect/auth?client_id=inconnu&response_type=code&scope=openid"
                + "&redirect_uri=" + encode(CeresSignIn.REDIRECT_URI));
        audit.check("error", "error", "unknown-client");
        driver.get(realm.getBaseUrl() + "/protocol/openid-connect/auth?client_id=ceres&response_type=code&scope=openid"
                + "&redirect_uri=" + encode("https://ailleurs.example/callback"));
        audit.check("error", "error", "invalid-redirect");
    }

    /** The accessibility statement: a page the law requires, so its absence is a failure like any other. */
    private void accessibilityStatement() throws Exception {
        String statement = realm.getBaseUrl() + "/ceres-portal/accessibilite";
        int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(statement)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            audit.fail("portal/accessibilite", "not served: " + statement + " answers " + status);
            return;
        }
        fresh();
        driver.get(statement);
        audit.check("portal", "accessibilite", "normal");
    }

    /** Eight days on: an activation link (a day) and an invitation (seven days) have expired. */
    private void expiredLinks(String newcomerLink) throws Exception {
        String email = "expiree.a11y@cfa-exemple.fr";
        SignUpPage.signUp(PortalHttp.anonymous(realm.getBaseUrl()), realm.getBaseUrl(), SignUpPage.postedFields(email));
        String activationLink = new Mailbox(mailServer).awaitMessage(email, 1).actionLink();
        timeOffSet.set(Duration.ofDays(8));

        fresh();
        driver.get(activationLink);
        audit.check("activation", "activation", "link-expired");
        fresh();
        driver.get(newcomerLink);
        PageActions.waitFor(driver, By.id("ceres-invitation"));
        audit.check("invitation", "invitation", "expired");
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** A fresh browser session on the realm: nobody signed in. */
    private void fresh() {
        FrenchBrowser.fresh(driver, realm.getBaseUrl());
    }

    private void signInOnThePortal(String email) {
        fresh();
        driver.get(portal());
        PageActions.signIn(driver, email);
        PageActions.waitFor(driver, By.id("ceres-portal"));
    }

    private void openAgentPage(String email) {
        fresh();
        driver.get(realm.getBaseUrl() + "/ceres-agent/");
        PageActions.signIn(driver, email);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.invisibilityOfElementLocated(By.id("etat-page")));
    }

    /** One try on the sign-in page, whatever its message says. */
    private void tryPassword(String email, String password) {
        WebElement username = PageActions.waitFor(driver, By.id("username"));
        username.clear();
        username.sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        PageActions.click(driver, driver.findElement(By.id("kc-login")));
    }

    private Gestionnaires gestionnaires() {
        return new Gestionnaires(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString());
    }

    private String portal() {
        return realm.getBaseUrl() + "/ceres-portal/";
    }

    private String accessPage() {
        return portal() + "acces/" + ACADEMIE;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
