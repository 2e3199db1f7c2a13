package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.PortalAccounts;
import fr.ceres.keycloak.it.support.PortalHttp;
import fr.ceres.keycloak.it.support.Screenshots;
import fr.ceres.keycloak.it.support.SignUpPage;
import jakarta.ws.rs.BadRequestException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

/**
 * Flow F1 in a real browser against a real server: the realm is the shipped realm-export.json,
 * the emails are read from the SMTP server Keycloak really sent them to.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
class SignUpIT {

    static final String CLOSED_SIRET = "38452107600016";
    static final String UNKNOWN_SIRET = "99999999900017";
    /** The demo register's sole trader in partial diffusion: raison sociale, adresse and commune masked "[ND]". */
    static final String NON_DIFFUSIBLE_SIRET = "92969323200019";
    private static final String VERIFY_EMAIL = "VERIFY_EMAIL";

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectWebDriver
    ManagedWebDriver browser;

    @Test
    @DisplayName("Given the register page, when a person signs up and activates from the email, then the account is active once")
    void signUpAndActivate() {
        Screenshots shots = new Screenshots("sign-up");
        String email = "camille.durand@cfa-exemple.fr";
        SignUpPage page = new SignUpPage(browser.driver()).open(realm.getBaseUrl());
        shots.take(browser.driver(), "01-register-empty");

        page.fill(Applicant.valid(email));
        assertEquals("CENTRE DE FORMATION PROFESSIONNELLE LES TILLEULS", page.awaitPrefill("raisonSociale"), "raison sociale pre-filled from the register");
        assertFalse(page.awaitPrefill("commune").isBlank());
        shots.take(browser.driver(), "02-register-filled");
        page.submit();

        assertTrue(page.heading().contains("Activez votre compte"), page.heading());
        shots.take(browser.driver(), "03-activation-email-sent");

        UserRepresentation created = user(email);
        assertFalse(created.isEmailVerified());
        assertEquals(List.of("73282932000074"), created.getAttributes().get("siret"));
        assertEquals(List.of("+33612345678"), created.getAttributes().get("telephone"));
        assertEquals(List.of("verifie"), created.getAttributes().get("siretStatut"));
        assertEquals(List.of("madame"), created.getAttributes().get("civilite"));

        Mailbox.Mail mail = new Mailbox(mailServer).awaitMessage(email, 1);
        assertEquals("Demande de création de votre compte Mes Démarches Emploi et Formation Professionnelle", mail.subject());
        assertTrue(mail.text().contains("Vous avez fait une demande de création de compte."), mail.text());
        assertTrue(mail.html().contains("Activer") || mail.html().contains(mail.actionLink().replace("&", "&amp;")), mail.html());

        // Opening the link (as a mail scanner would) activates nothing.
        browser.driver().manage().deleteAllCookies();
        browser.open(mail.actionLink());
        assertTrue(browser.findElement(By.id("ceres-activate")).isDisplayed());
        assertFalse(user(email).isEmailVerified(), "opening the link alone must not activate");
        shots.take(browser.driver(), "04-activate-button");

        page.clickAndAwaitNextPage(By.id("ceres-activate"));
        assertTrue(page.heading().contains("Votre compte est activé"), page.heading());
        assertTrue(browser.findElement(By.id("ceres-portal")).getText().contains("Accéder au portail"));
        assertEquals(realm.getBaseUrl() + "/ceres-portal/", browser.findElement(By.id("ceres-portal")).getDomAttribute("href"));
        shots.take(browser.driver(), "05-account-activated");
        UserRepresentation activated = user(email);
        assertTrue(activated.isEmailVerified());
        assertTrue(activated.getRequiredActions().isEmpty(), "no verify-email left: " + activated.getRequiredActions());

        // The same link a second time, in another browser session.
        browser.driver().manage().deleteAllCookies();
        browser.open(mail.actionLink());
        assertTrue(page.heading().contains("Lien déjà utilisé"), page.heading());
        assertTrue(browser.driver().findElements(By.id("ceres-activate")).isEmpty());
        shots.take(browser.driver(), "06-link-already-used");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("malformed-siret", Applicant.valid("a@x.fr").withSiret("123 456 789 00010"), "siret", "14 chiffres"),
                Arguments.of("unknown-siret", Applicant.valid("b@x.fr").withSiret(UNKNOWN_SIRET), "siret", "inconnu"),
                Arguments.of("closed-establishment", Applicant.valid("c@x.fr").withSiret(CLOSED_SIRET), "siret", "fermé"),
                Arguments.of("passwords-differ", Applicant.valid("d@x.fr").withPasswordConfirm("Autre-mot-2026"), "password-confirm", "ne correspond pas"),
                Arguments.of("no-civilite", Applicant.valid("e@x.fr").withCivilite(null), "civilite", "renseigner"),
                Arguments.of("bad-phone", Applicant.valid("f@x.fr").withTelephone("06 12"), "telephone", "pas valide"),
                Arguments.of("markup-in-name", Applicant.valid("g@x.fr").withFirstName("<b>Jean</b>"), "firstName", "caractère non autorisé"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    @DisplayName("Given a bad input, then the page says what is wrong in French and creates no account")
    void badInputIsRefusedOnThePage(String name, Applicant applicant, String field, String expectedMessage) {
        SignUpPage page = new SignUpPage(browser.driver()).open(realm.getBaseUrl());
        page.fill(applicant);
        page.submit();

        String message = page.fieldError(field);
        new Screenshots("sign-up-errors").take(browser.driver(), name);
        assertTrue(message.contains(expectedMessage), "message for " + field + ": '" + message + "'");
        assertTrue(realm.admin().users().searchByEmail(applicant.email(), true).isEmpty(), "no account created");
    }

    static Stream<Arguments> hiddenCharacters() {
        return Stream.of(
                Arguments.of("nul-in-raison-sociale", "raisonSociale", "CFA\u0000 DES TILLEULS", "caractères invisibles"),
                Arguments.of("c0-in-adresse", "adresse", "12 RUE\u0001 DES LILAS", "caractères invisibles"),
                Arguments.of("c1-in-commune", "commune", "75011\u0085 PARIS", "caractères invisibles"),
                Arguments.of("c1-apc-in-raison-sociale", "raisonSociale", "CFA\u009f TILLEULS", "caractères invisibles"),
                Arguments.of("bidi-override-in-adresse", "adresse", "12 RUE \u202eSALIL SED", "caractères invisibles"),
                Arguments.of("bidi-isolate-in-commune", "commune", "\u2066PARIS\u2069", "caractères invisibles"),
                Arguments.of("line-break-in-commune", "commune", "PARIS\r\nSet-Cookie: a=1", "caractères invisibles"),
                Arguments.of("bidi-in-first-name", "firstName", "Cami\u202elle", "caractères invisibles"),
                Arguments.of("domain-as-last-name", "lastName", "exemple.fr", "adresse web"),
                Arguments.of("www-as-first-name", "firstName", "www.gagnez-un-prix", "adresse web"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hiddenCharacters")
    @DisplayName("Given a control, bidirectional or link-like text posted in a free-text field, then the page says so on the field in French and creates no account")
    void hiddenCharactersAreRefusedOnTheField(String name, String field, String value, String expectedMessage)
            throws Exception {
        String email = name + "@cfa-exemple.fr";
        Map<String, String> fields = SignUpPage.postedFields(email);
        fields.put(field, value);

        String page = postSignUp(fields).body();

        Matcher error = Pattern.compile("id=\"input-error-" + field + "\">\\s*([^<]*)").matcher(page);
        assertTrue(error.find(), "an error on " + field + " in: " + page);
        assertTrue(error.group(1).contains(expectedMessage), "message for " + field + ": '" + error.group(1) + "'");
        assertTrue(realm.admin().users().searchByEmail(email, true).isEmpty(), "no account created");
    }

    @Test
    @DisplayName("Given company fields typed with decomposed accents, then they are stored in NFC, without surrounding blanks")
    void freeTextIsStoredInNfc() throws Exception {
        String email = "nfc@cfa-exemple.fr";
        Map<String, String> fields = SignUpPage.postedFields(email);
        fields.put("raisonSociale", " Ecole d\u2019e\u0301te\u0301 « Les Tilleuls » ");
        fields.put("commune", "Sai\u0308nt-Ame\u0301");
        fields.put("lastName", "D'Aubigne\u0301-Durand");

        postSignUp(fields);

        UserRepresentation created = user(email);
        assertEquals(List.of("Ecole d\u2019\u00e9t\u00e9 « Les Tilleuls »"), created.getAttributes().get("raisonSociale"));
        assertEquals(List.of("Sa\u00efnt-Am\u00e9"), created.getAttributes().get("commune"));
        assertEquals("D'Aubign\u00e9-Durand", created.getLastName());
    }

    @Test
    @DisplayName("Given an account, when its name or company is changed through the user profile outside the sign-up, then the same rules refuse links and hidden characters")
    void profileRulesHoldAfterSignUp() {
        String id = PortalAccounts.create(realm, "profil@cfa-exemple.fr", "Camille", "Durand", "73282932000074");
        for (Map.Entry<String, String> change : Map.of("firstName", "www.gagnez-un-prix", "lastName", "exemple.fr",
                "adresse", "12 RUE\u0000 DES LILAS", "commune", "\u202ePARIS").entrySet()) {
            UserRepresentation user = realm.admin().users().get(id).toRepresentation();
            if (change.getKey().endsWith("Name")) {
                user.setFirstName("firstName".equals(change.getKey()) ? change.getValue() : user.getFirstName());
                user.setLastName("lastName".equals(change.getKey()) ? change.getValue() : user.getLastName());
            } else {
                user.getAttributes().put(change.getKey(), List.of(change.getValue()));
            }
            try {
                realm.admin().users().get(id).update(user);
                throw new AssertionError("accepted: " + change);
            } catch (BadRequestException refused) {
                String body = refused.getResponse().readEntity(String.class);
                assertTrue(body.contains(change.getKey().endsWith("Name") ? "ceresNameLooksLikeLink" : "ceresHiddenCharacters"),
                        change + ": " + body);
            }
        }
        UserRepresentation unchanged = realm.admin().users().get(id).toRepresentation();
        assertEquals("Camille", unchanged.getFirstName());
        assertEquals(List.of("1 RUE DE LA GARE"), unchanged.getAttributes().get("adresse"));
    }

    /** Posts the register page's form over HTTP: a browser cannot type a NUL or a C1 control, a client can. */
    private HttpResponse<String> postSignUp(Map<String, String> fields) throws Exception {
        PortalHttp http = PortalHttp.anonymous(realm.getBaseUrl());
        SignUpPage.Form form = SignUpPage.form(http, realm.getBaseUrl());
        return http.post(form.action(), form.with(fields));
    }

    @Test
    @DisplayName("Given a non-diffusible establishment, then nothing masked is pre-filled or stored: the page asks to type it and keeps what is typed")
    void nonDiffusibleEstablishmentIsTyped() {
        String email = "claire.durand@ei-exemple.fr";
        Screenshots shots = new Screenshots("sign-up-non-diffusible");
        SignUpPage page = new SignUpPage(browser.driver()).open(realm.getBaseUrl());
        page.fill(Applicant.valid(email).withSiret("929 693 232 00019"));
        String status = page.siretStatus();
        assertTrue(status.contains("ne publie pas la raison sociale, l'adresse et la commune"), status);
        assertEquals("", page.value("raisonSociale"));
        assertEquals("", page.value("commune"));
        shots.take(browser.driver(), "01-prefill-asks-to-type");

        page.submit();
        assertTrue(page.fieldError("raisonSociale").contains("saisissez-la vous-même"), page.fieldError("raisonSociale"));
        assertTrue(page.fieldError("commune").contains("saisissez-la vous-même"), page.fieldError("commune"));
        assertTrue(realm.admin().users().searchByEmail(email, true).isEmpty(), "no account with masked fields");
        shots.take(browser.driver(), "02-fields-to-type");

        // A page pre-filled before this check (or a hand-made post) sends the masks themselves: refused alike.
        typeCompany(page, "[NON-DIFFUSIBLE]", "[NON-DIFFUSIBLE] [NON-DIFFUSIBLE]", "[NON-DIFFUSIBLE] PARIS 11");
        page.submit();
        assertTrue(page.fieldError("adresse").contains("saisissez-la vous-même"), page.fieldError("adresse"));
        assertTrue(realm.admin().users().searchByEmail(email, true).isEmpty(), "no account with placeholders");

        typeCompany(page, "CLAIRE DURAND FORMATION", "3 RUE OBERKAMPF", "75011 PARIS");
        page.submit();
        assertTrue(page.heading().contains("Activez votre compte"), page.heading());
        UserRepresentation created = user(email);
        assertEquals(List.of("CLAIRE DURAND FORMATION"), created.getAttributes().get("raisonSociale"));
        assertEquals(List.of("3 RUE OBERKAMPF"), created.getAttributes().get("adresse"));
        assertEquals(List.of("75011 PARIS"), created.getAttributes().get("commune"));
        assertEquals(List.of("verifie"), created.getAttributes().get("siretStatut"));
    }

    /** After a refusal the page keeps what was typed but the passwords. */
    private static void typeCompany(SignUpPage page, String raisonSociale, String adresse, String commune) {
        page.type("password", Applicant.PASSWORD);
        page.type("password-confirm", Applicant.PASSWORD);
        page.type("raisonSociale", raisonSociale);
        page.type("adresse", adresse);
        page.type("commune", commune);
    }

    @Test
    @DisplayName("Given a pending account, when the person signs up again, then a new link is offered, with a cooldown")
    void signingUpAgainOffersToResend() throws InterruptedException {
        String email = "relance@cfa-exemple.fr";
        Mailbox mailbox = new Mailbox(mailServer);
        setResendCooldown(20);
        try {
            SignUpPage page = new SignUpPage(browser.driver()).open(realm.getBaseUrl());
            page.fill(Applicant.valid(email));
            page.submit();
            mailbox.awaitMessage(email, 1);

            page.open(realm.getBaseUrl()).fill(Applicant.valid(email));
            page.submit();
            assertTrue(page.globalMessage().contains("en attente d'activation"), page.globalMessage());
            new Screenshots("sign-up").take(browser.driver(), "07-pending-account");

            // At once, the sign-up's own email is too recent. As a person would, the page kept
            // the form without the passwords, and nothing else is said about it.
            page.resendActivationLink();
            String cooldown = page.fieldError("email");
            Matcher seconds = Pattern.compile("dans (\\d+) secondes").matcher(cooldown);
            assertTrue(seconds.find(), cooldown);
            assertEquals("", page.fieldError("password"));
            assertEquals(1, mailbox.to(email).size(), "the cooldown sent nothing");

            Thread.sleep((Integer.parseInt(seconds.group(1)) + 1) * 1000L);
            page.resendActivationLink();
            assertTrue(page.fieldError("email").contains("nouveau lien"), page.fieldError("email"));
            new Screenshots("sign-up").take(browser.driver(), "08-activation-link-resent");
            Mailbox.Mail second = mailbox.awaitMessage(email, 2);

            // The resent link activates the account.
            browser.driver().manage().deleteAllCookies();
            browser.open(second.actionLink());
            page.clickAndAwaitNextPage(By.id("ceres-activate"));
            assertTrue(user(email).isEmailVerified());
        } finally {
            realm.admin().flows().removeRequiredActionConfig(VERIFY_EMAIL);
        }
    }

    private void setResendCooldown(int seconds) {
        RequiredActionConfigRepresentation config = new RequiredActionConfigRepresentation();
        config.setConfig(Map.of("emailResendCooldownSeconds", Integer.toString(seconds)));
        realm.admin().flows().updateRequiredActionConfig(VERIFY_EMAIL, config);
    }

    @Test
    @DisplayName("Given an activation link past its lifespan, then it is refused and the account is purged, so the email can sign up again")
    void expiredLinkAndPurge() throws InterruptedException {
        String email = "expire@cfa-exemple.fr";
        setActivationLifespan(4);
        try {
            Mailbox mailbox = new Mailbox(mailServer);
            SignUpPage page = new SignUpPage(browser.driver()).open(realm.getBaseUrl());
            page.fill(Applicant.valid(email));
            page.submit();
            Mailbox.Mail mail = mailbox.awaitMessage(email, 1);

            Thread.sleep(5_000);
            browser.driver().manage().deleteAllCookies();
            browser.open(mail.actionLink());
            String shown = browser.findElement(By.tagName("body")).getText();
            new Screenshots("sign-up").take(browser.driver(), "09-link-expired");
            assertTrue(shown.contains("expiré"), shown);
            assertTrue(shown.contains("recommencez votre inscription"), shown);

            awaitRemoved(email);
        } finally {
            setActivationLifespan(86_400);
        }
        SignUpPage page = new SignUpPage(browser.driver()).open(realm.getBaseUrl());
        page.fill(Applicant.valid(email));
        page.submit();
        assertTrue(page.heading().contains("Activez votre compte"), page.heading());
    }

    private void awaitRemoved(String email) throws InterruptedException {
        for (int i = 0; i < 50 && !realm.admin().users().searchByEmail(email, true).isEmpty(); i++) {
            Thread.sleep(200);
        }
        assertTrue(realm.admin().users().searchByEmail(email, true).isEmpty(), "purged after its lifespan");
    }

    private void setActivationLifespan(int seconds) {
        var representation = realm.admin().toRepresentation();
        Map<String, String> attributes = representation.getAttributes();
        attributes.put("actionTokenGeneratedByUserLifespan.verify-email", Integer.toString(seconds));
        realm.admin().update(representation);
    }

    private UserRepresentation user(String email) {
        List<UserRepresentation> found = realm.admin().users().searchByEmail(email, true);
        assertEquals(1, found.size(), "one account for " + email);
        return realm.admin().users().get(found.get(0).getId()).toRepresentation(true);
    }
}
