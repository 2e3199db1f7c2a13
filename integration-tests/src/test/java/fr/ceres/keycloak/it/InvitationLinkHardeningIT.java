package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.FrenchBrowser;
import fr.ceres.keycloak.it.support.Gestionnaires;
import fr.ceres.keycloak.it.support.InviteByEmail;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.PageActions;
import fr.ceres.keycloak.it.support.PortalAccounts;
import fr.ceres.keycloak.it.support.PortalHttp;
import fr.ceres.keycloak.it.support.SignUpPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.GroupRepresentation;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * What a hostile or unlucky visitor does to an invitation link (flow F4): keys that are not keys,
 * addresses that only look like the invited one, an address squatted by someone else's sign-up, and
 * where the key goes once the link is opened. Plain HTTP where the answer's headers are the point,
 * Chromium where a person's path is.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
class InvitationLinkHardeningIT {

    private static final String ACADEMIE = "41823967900016";
    private static final String GESTIONNAIRE = "alice@academie.fr";
    private static final String COOKIE = "CERES_INVITATION";
    private static final Pattern INVITATION_LINK = Pattern.compile("https?://\\S+/ceres-portal/invitation\\?key=\\S+");
    /** A person waits no longer for a page; nor does the hostile-input suite. */
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectAdminClient
    Keycloak admin;

    private static PortalHttp alice;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(PROMPTLY)
            .build();

    @BeforeEach
    void gestionnaire() throws Exception {
        if (alice != null) {
            return;
        }
        Gestionnaires gestionnaires = new Gestionnaires(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString());
        gestionnaires.register(ACADEMIE, List.of());
        PortalAccounts.create(realm, GESTIONNAIRE, "Alice", "Martin", ACADEMIE);
        gestionnaires.attach(GESTIONNAIRE, ACADEMIE);
        alice = new PortalHttp(realm.getBaseUrl()).signIn(GESTIONNAIRE, Applicant.PASSWORD);
    }

    @Test
    @DisplayName("Given keys carrying CR/LF or cookie attributes, forged or after a real key, then each gets the French invalid-link page (400) within 5 s and no cookie; a real key gets exactly one cookie, its own")
    void hostileKeys() throws Exception {
        String email = "keys@academie.fr";
        invite(email);
        String key = keyOf(linkOf(new Mailbox(mailServer).awaitMessage(email, 1)));

        List<String> hostile = List.of("x%3B%20Domain%3Devil.example", "x%3B%20Path%3D/%3B%20Max-Age%3D999999999",
                key + "%3B%20Domain%3Devil.example", key + "%3B%20Path%3D/%3B%20Max-Age%3D999999999",
                "x%0d%0aSet-Cookie:%20a=1", "x%0aSet-Cookie:%20a=1", "x%0dSet-Cookie:%20a=1",
                key + "%0d%0aSet-Cookie:%20a=1", key + "%0a", key + "%0d",
                key + "%20", "%20" + key, key.replace('.', ','));
        for (String raw : hostile) {
            HttpResponse<String> answer = get(invitationPage() + "?key=" + raw);
            assertEquals(List.of(), answer.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(COOKIE) || c.contains("evil") || c.contains("a=1") || c.contains("999999999"))
                    .toList(), raw);
            assertEquals(400, answer.statusCode(), raw);
            assertTrue(answer.body().contains("data-invitation-state=\"invalid\""), raw + ": " + answer.body());
            assertTrue(answer.body().contains("est pas valide."), raw + ": " + answer.body());
        }

        HttpResponse<String> real = get(invitationPage() + "?key=" + key);
        assertEquals(303, real.statusCode(), real.body());
        List<String> cookies = real.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(COOKIE + "=")).toList();
        assertEquals(1, cookies.size(), cookies.toString());
        List<String> parts = List.of(cookies.get(0).split(";\\s*"));
        assertEquals(COOKIE + "=" + key, parts.get(0));
        assertTrue(parts.stream().anyMatch(p -> p.equalsIgnoreCase("HttpOnly")), cookies.toString());
        assertTrue(parts.stream().anyMatch(p -> p.equalsIgnoreCase("SameSite=Lax")), cookies.toString());
        assertTrue(parts.stream().noneMatch(p -> p.toLowerCase().startsWith("domain")), cookies.toString());
    }

    @Test
    @DisplayName("Given accounts whose address only looks like the invited one (dotless ı, long ſ), then the link offers them to switch account and their acceptance is refused (403)")
    void lookAlikeAccountsAreNotInvited() throws Exception {
        String invited = "lea@kiosk-example.org";
        invite(invited);
        String link = linkOf(new Mailbox(mailServer).awaitMessage(invited, 1));

        for (String lookAlike : List.of("lea@k\u0131osk-example.org", "lea@kio\u017Fk-example.org")) {
            PortalAccounts.create(realm, lookAlike, "Léa", "Simon", ACADEMIE);
            PortalHttp other = new PortalHttp(realm.getBaseUrl()).signIn(lookAlike, Applicant.PASSWORD);
            HttpResponse<String> page = other.follow(other.get(link));
            assertTrue(page.body().contains("data-invitation-state=\"other-account\""), lookAlike + ": " + page.body());
            String csrf = PortalHttp.csrfOf(other.get(realm.getBaseUrl() + "/ceres-portal/").body());
            HttpResponse<String> forced = other.post(invitationPage(), Map.of("key", keyOf(link), "csrf", csrf));
            assertEquals(403, forced.statusCode(), lookAlike + ": " + forced.body());
        }
        PortalHttp visitor = PortalHttp.anonymous(realm.getBaseUrl());
        assertTrue(visitor.follow(visitor.get(link)).statusCode() != 400, "still live: nobody accepted it");
    }

    @Test
    @DisplayName("Given a newcomer's link, when a look-alike address (ı, ſ) is typed into the fixed field, then it is refused and no account made; the invited one signs up, verified, and accepts")
    void lookAlikeSignUpIsRefused() throws Exception {
        String invited = "nina@kiosk-example.org";
        invite(invited);
        String link = linkOf(new Mailbox(mailServer).awaitMessage(invited, 1));

        WebDriver driver = FrenchBrowser.fresh(browser.driver(), realm.getBaseUrl());
        driver.get(link);
        assertEquals(invited, PageActions.waitFor(driver, By.id("email")).getDomProperty("value"));
        for (String lookAlike : List.of("nina@k\u0131osk-example.org", "nina@kio\u017Fk-example.org")) {
            ((JavascriptExecutor) driver).executeScript(
                    "const f = document.getElementById('email'); f.readOnly = false; f.value = arguments[0];", lookAlike);
            new SignUpPage(driver).fillAllButTheAddress();
            PageActions.click(driver, driver.findElement(By.id("kc-submit")));
            assertTrue(PageActions.text(driver).contains("Ce compte doit être créé avec l'adresse à laquelle l'invitation a été envoyée."),
                    lookAlike + ": " + PageActions.text(driver));
            assertTrue(realm.admin().users().searchByEmail(lookAlike, true).isEmpty(), "no account for " + lookAlike);
        }
        new SignUpPage(driver).fillAllButTheAddress();
        PageActions.click(driver, driver.findElement(By.id("kc-submit")));
        PageActions.click(driver, PageActions.waitFor(driver, By.id("ceres-invitation-accept")));
        PageActions.waitFor(driver, By.id("ceres-invitation-portal"));
        assertTrue(realm.admin().users().searchByEmail(invited, true).get(0).isEmailVerified());
    }

    @Test
    @DisplayName("Given a newcomer's link, then no address on the way to sign-up holds its key, nor the sign-up page, and the sign-up still fixes the address")
    void newcomerKeyStaysOutOfAddresses() throws Exception {
        String invited = "oscar@academie.fr";
        invite(invited);
        String link = linkOf(new Mailbox(mailServer).awaitMessage(invited, 1));
        String key = keyOf(link);

        // Every address of the redirect chain, as a proxy would log them.
        PortalHttp visitor = PortalHttp.anonymous(realm.getBaseUrl());
        HttpResponse<String> answer = visitor.get(link);
        for (int hops = 0; hops < 10 && answer.statusCode() / 100 == 3; hops++) {
            String next = answer.headers().firstValue("Location").orElseThrow();
            assertFalse(next.contains(key) || next.contains(key.substring(0, 40)), "the key in " + next);
            answer = visitor.get(answer.uri().resolve(next).toString());
        }
        assertEquals(200, answer.statusCode());
        assertTrue(answer.uri().getPath().endsWith("/protocol/openid-connect/registrations"), answer.uri().toString());
        assertFalse(answer.body().contains(key.substring(0, 40)), "the key in the sign-up page");

        WebDriver driver = FrenchBrowser.fresh(browser.driver(), realm.getBaseUrl());
        driver.get(link);
        WebElement email = PageActions.waitFor(driver, By.id("email"));
        assertEquals(invited, email.getDomProperty("value"));
        assertEquals("true", email.getDomProperty("readOnly"));
        assertFalse(driver.getCurrentUrl().contains(key.substring(0, 40)), driver.getCurrentUrl());
    }

    @Test
    @DisplayName("Given someone signed up with the invited address and never activated it, then the link discards that account and the invitee signs up from it and accepts")
    void squattedAddressDoesNotStandInTheWay() throws Exception {
        String invited = "bob@valdeloire.fr";
        SignUpPage squatter = new SignUpPage(FrenchBrowser.of(browser.driver())).open(realm.getBaseUrl());
        squatter.fill(Applicant.valid(invited));
        squatter.submit();
        String squatterId = realm.admin().users().searchByEmail(invited, true).get(0).getId();

        invite(invited);
        String link = linkOf(new Mailbox(mailServer).awaitMessage(invited, 2));
        WebDriver driver = FrenchBrowser.fresh(browser.driver(), realm.getBaseUrl());
        driver.get(link);
        WebElement email = PageActions.waitFor(driver, By.cssSelector("#email, #username, #password"));
        assertEquals("email", email.getDomAttribute("id"), "sent to sign up, not to sign in to the squatter's account: "
                + driver.getCurrentUrl());
        assertEquals("true", email.getDomProperty("readOnly"));
        new SignUpPage(driver).fillAllButTheAddress();
        PageActions.click(driver, driver.findElement(By.id("kc-submit")));
        PageActions.click(driver, PageActions.waitFor(driver, By.id("ceres-invitation-accept")));
        PageActions.waitFor(driver, By.id("ceres-invitation-portal"));

        List<UserRepresentation> accounts = realm.admin().users().searchByEmail(invited, true);
        assertEquals(1, accounts.size());
        assertNotEquals(squatterId, accounts.get(0).getId(), "Bob's own account, not the squatter's");
        assertTrue(accounts.get(0).isEmailVerified());
        assertEquals("Nouveau", accounts.get(0).getLastName());
    }

    @Test
    @DisplayName("Given a never-activated account on the invited address that holds something (a group), then it is kept and the link asks to sign in to it")
    void pendingAccountHoldingSomethingIsKept() throws Exception {
        String invited = "jules@valdeloire.fr";
        SignUpPage signUp = new SignUpPage(FrenchBrowser.of(browser.driver())).open(realm.getBaseUrl());
        signUp.fill(Applicant.valid(invited));
        signUp.submit();
        String accountId = realm.admin().users().searchByEmail(invited, true).get(0).getId();
        GroupRepresentation group = new GroupRepresentation();
        group.setName("formateurs-jules");
        realm.admin().groups().add(group).close();
        String groupId = realm.admin().groups().groups("formateurs-jules", 0, 1).get(0).getId();
        realm.admin().users().get(accountId).joinGroup(groupId);

        invite(invited);
        String link = linkOf(new Mailbox(mailServer).awaitMessage(invited, 2));
        PortalHttp visitor = PortalHttp.anonymous(realm.getBaseUrl());
        HttpResponse<String> answer = visitor.follow(visitor.get(link), url -> url.contains("/protocol/openid-connect/"));
        assertEquals(303, answer.statusCode());
        assertTrue(answer.headers().firstValue("Location").orElse("").contains("/protocol/openid-connect/auth?"),
                answer.headers().firstValue("Location").orElse(""));
        assertEquals(accountId, realm.admin().users().searchByEmail(invited, true).get(0).getId());
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** One GET as a plain client, which must be answered within {@link #PROMPTLY}. */
    private HttpResponse<String> get(String url) throws Exception {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(PROMPTLY)
                    .header("Accept-Language", "fr-FR,fr").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("no answer within " + PROMPTLY + " for " + url, e);
        }
    }

    private String invitationPage() {
        return realm.getBaseUrl() + "/ceres-portal/invitation";
    }

    private void invite(String email) throws Exception {
        String accessPage = realm.getBaseUrl() + "/ceres-portal/acces/" + ACADEMIE;
        HttpResponse<String> invited = alice.post(accessPage + "/inviter",
                InviteByEmail.form(PortalHttp.csrfOf(alice.get(accessPage).body()), email, "centre-agree", ACADEMIE));
        assertEquals(303, invited.statusCode(), invited.body());
    }

    private static String linkOf(Mailbox.Mail mail) {
        Matcher link = INVITATION_LINK.matcher(mail.text());
        assertTrue(link.find(), mail.text());
        return link.group();
    }

    private static String keyOf(String link) {
        return link.substring(link.indexOf("key=") + 4);
    }
}
