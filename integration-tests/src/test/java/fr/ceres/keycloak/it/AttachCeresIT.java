package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ceres.keycloak.it.support.ActivatedAccounts;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.AttachPage;
import fr.ceres.keycloak.it.support.CentreLetters;
import fr.ceres.keycloak.it.support.CeresAuthorization;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.CeresSignIn;
import fr.ceres.keycloak.it.support.HttpAttachSession;
import fr.ceres.keycloak.it.support.Screenshots;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
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

/**
 * Flow F2 and the sign-in to Ceres without habilitation: codes are issued
 * through the agents' REST API and read from the letter, then typed on the attach page in a real
 * browser. Each test uses its own people and, where it needs a fresh code, its own centre. The
 * order only matters for "already activated", which needs the centre activated by the first test.
 *
 * <p>An expired code is reached by moving the server's clock (Keycloak's {@code Time}) a year and a
 * day on with the test framework's time offset ({@link InjectTimeOffSet}): the code keeps its real
 * lifetime (option {@code code-lifetime-days}, 365 by default) and the server really decides it
 * has expired. That test runs last, as the moved clock also ages everything else the server holds.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttachCeresIT {

    private static final String TILLEULS = "73282932000074";
    private static final String TILLEULS_NAME = "CENTRE DE FORMATION PROFESSIONNELLE LES TILLEULS";
    private static final String VAL_DE_LOIRE = "52047381000015";
    private static final String NORMANDIE = "48915602600010";
    private static final String OCCITANIE = "79034418800012";
    private static final String AQUITAINE = "81273055400019";
    private static final String BOURGOGNE = "44198726000011";
    /** In the company register but never registered as a centre. */
    private static final String NOT_A_CENTRE = "13002526500013";
    private static final String WRONG_CODE = "0000-0000-0000";
    private static final int CONCURRENT = 20;

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

    /** Keycloak's clock on the server, moved only by the expired-code test and put back after it by the framework. */
    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    private final Screenshots screenshots = new Screenshots("attach");

    @Test
    @Order(1)
    @DisplayName("Given a person without habilitation signing in to ceres, then the attach page; the letter's code typed loosely makes them gestionnaire and the token says so")
    void signInToCeresAttachesWithTheCode() throws Exception {
        String code = letters().registerAndIssue(TILLEULS);
        ActivatedAccounts.create(realm, "premier@tilleuls.fr");

        CeresAuthorization ceres = authorization().open("").logIn("premier@tilleuls.fr", Applicant.PASSWORD);
        AttachPage page = new AttachPage(browser.driver());
        assertTrue(page.isShown(), "attach page: " + browser.driver().getCurrentUrl());
        assertTrue(page.text().contains("Rattacher le service Ceres"), page.text());
        screenshots.take(browser.driver(), "01-attach-page");

        page.attach("732 829 320 00074", code.toLowerCase(Locale.ROOT).replace('-', ' '));

        JsonNode access = CeresSignIn.claims(ceres.tokens().get("access_token").asText());
        JsonNode expected = new ObjectMapper().readTree(
                "[{\"siret\":\"" + TILLEULS + "\",\"role\":\"gestionnaire\",\"centre\":\"" + TILLEULS + "\"}]");
        assertEquals(expected, access.get("ceres_habilitations"), access.toString());
        assertEquals(List.of("premier@tilleuls.fr"), gestionnaires(TILLEULS));
        assertEquals(List.of("gestionnaire"), gestionnaireGroupClientRoles(TILLEULS), "the group carries the client role");
    }

    @Test
    @Order(2)
    @DisplayName("Given a centre already activated, then another person is told to ask its gestionnaire, the centre named, no person named")
    void alreadyActivatedNamesTheCentre() throws Exception {
        ActivatedAccounts.create(realm, "second@tilleuls.fr");
        authorization().open("").logIn("second@tilleuls.fr", Applicant.PASSWORD);
        AttachPage page = new AttachPage(browser.driver());

        page.attach(TILLEULS, "7K3M-Q9TX-2RWH");

        assertTrue(page.text().contains("Le service Ceres de " + TILLEULS_NAME
                + " a déjà été activé : demandez l'accès à son gestionnaire."), page.text());
        assertFalse(page.text().contains("premier@tilleuls.fr"), "never the people");
        screenshots.take(browser.driver(), "02-already-activated");
    }

    @Test
    @Order(3)
    @DisplayName("Given a gestionnaire, then kc_action=ceres-attach shows the page as an application-initiated action, and « Plus tard » cancels it")
    void applicationInitiatedActionCanBeCancelled() throws Exception {
        CeresAuthorization ceres = authorization().open("&kc_action=ceres-attach").logIn("premier@tilleuls.fr", Applicant.PASSWORD);
        AttachPage page = new AttachPage(browser.driver());
        assertTrue(page.isShown(), "attach page: " + browser.driver().getCurrentUrl());
        screenshots.take(browser.driver(), "03-application-initiated");

        page.later();

        assertEquals("cancelled", ceres.callbackParam("kc_action_status").orElse(browser.driver().getCurrentUrl()));
        assertTrue(ceres.callbackParam("code").isPresent(), "a gestionnaire still signs in");
    }

    @Test
    @Order(4)
    @DisplayName("Given mistakes, then each its French message; after 5 failures the person is locked out and told until when")
    void mistakesThenLockedOut() throws Exception {
        letters().registerAndIssue(VAL_DE_LOIRE);
        ActivatedAccounts.create(realm, "essais@val-de-loire.fr");
        authorization().open("").logIn("essais@val-de-loire.fr", Applicant.PASSWORD);
        AttachPage page = new AttachPage(browser.driver());

        page.attach("73282932000075", WRONG_CODE);
        assertTrue(page.text().contains("Le SIRET doit comporter 14 chiffres valides."), page.text());
        assertFalse(page.text().contains("ne correspond"), "not tried: " + page.text());

        page.attach(NOT_A_CENTRE, WRONG_CODE);
        assertTrue(page.text().contains("Aucun code d'activation n'existe pour ce SIRET"), page.text());
        screenshots.take(browser.driver(), "04-no-code");

        for (int attempt = 2; attempt <= 5; attempt++) {
            page.attach(VAL_DE_LOIRE, WRONG_CODE);
            assertTrue(page.text().contains("Ce code d'activation ne correspond pas à ce SIRET"), attempt + ": " + page.text());
        }
        screenshots.take(browser.driver(), "05-wrong-code");

        page.attach(VAL_DE_LOIRE, WRONG_CODE);
        assertTrue(page.text().matches("(?s).*Trop d'essais : réessayez après \\d{2}:\\d{2}\\..*"), page.text());
        screenshots.take(browser.driver(), "06-locked-out");
    }

    @Test
    @Order(5)
    @DisplayName("Given a person without habilitation signing in to ceres, then « Plus tard » sends Ceres access_denied, no token")
    void leavingAtSignInDeniesAccess() throws Exception {
        ActivatedAccounts.create(realm, "plus-tard@exemple.fr");
        CeresAuthorization ceres = authorization().open("").logIn("plus-tard@exemple.fr", Applicant.PASSWORD);
        AttachPage page = new AttachPage(browser.driver());
        assertTrue(page.isShown(), "attach page: " + browser.driver().getCurrentUrl());

        page.later();

        assertEquals("access_denied", ceres.callbackParam("error").orElse(browser.driver().getCurrentUrl()));
        assertFalse(ceres.callbackParam("code").isPresent());
    }

    @Test
    @Order(6)
    @Tag("concurrency")
    @DisplayName("Given 20 people posting one centre's code at the same instant, then exactly one becomes gestionnaire")
    void concurrentRedemptions() throws Exception {
        String code = letters().registerAndIssue(NORMANDIE);
        List<HttpAttachSession> people = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            String email = "concurrent-" + i + "@normandie.fr";
            ActivatedAccounts.create(realm, email);
            people.add(new HttpAttachSession(realm.getBaseUrl()).signIn(email, Applicant.PASSWORD));
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (HttpAttachSession person : people) {
                Callable<HttpResponse<String>> post = () -> {
                    start.await();
                    return person.attach(NORMANDIE, code);
                };
                answers.add(pool.submit(post));
            }
            long began = System.nanoTime();
            start.countDown();
            int winners = 0;
            int toldActivated = 0;
            for (int i = 0; i < CONCURRENT; i++) {
                HttpResponse<String> answer = answers.get(i).get();
                if (HttpAttachSession.isCodeForTheApplication(answer)) {
                    winners++;
                } else if (people.get(i).pageAfter(answer).contains("a déjà été activé")) {
                    toldActivated++;
                } else {
                    throw new AssertionError("unexpected answer " + answer.statusCode() + ": " + people.get(i).pageAfter(answer));
                }
            }
            System.out.printf("AttachCeresIT: %d concurrent redemptions in %d ms: %d redeemed, %d told already activated%n",
                    CONCURRENT, (System.nanoTime() - began) / 1_000_000, winners, toldActivated);
            assertEquals(1, winners);
            assertEquals(CONCURRENT - 1, toldActivated);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, gestionnaires(NORMANDIE).size(), "one gestionnaire: " + gestionnaires(NORMANDIE));
    }

    private CentreLetters letters() {
        return new CentreLetters(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString());
    }

    private CeresAuthorization authorization() {
        String clientUuid = realm.admin().clients().findByClientId("ceres").get(0).getId();
        String secret = realm.admin().clients().get(clientUuid).getSecret().getValue();
        return new CeresAuthorization(browser.driver(), realm.getBaseUrl(), secret);
    }

    /** The members of the centre's gestionnaire groups, as the admin console shows them. */
    private List<String> gestionnaires(String siret) {
        OrganizationResource centre = centre(siret);
        return gestionnaireGroups(centre, siret).stream()
                .flatMap(g -> centre.groups().group(g.getId()).getMembers(0, 100, true).stream())
                .map(UserRepresentation::getUsername)
                .toList();
    }

    /** The client roles of ceres the centre's gestionnaire groups carry. */
    private List<String> gestionnaireGroupClientRoles(String siret) {
        OrganizationResource centre = centre(siret);
        String ceres = realm.admin().clients().findByClientId("ceres").get(0).getId();
        return gestionnaireGroups(centre, siret).stream()
                .flatMap(g -> centre.groups().group(g.getId()).roles().clientLevel(ceres).listAll().stream())
                .map(RoleRepresentation::getName)
                .toList();
    }

    private OrganizationResource centre(String siret) {
        // Organization search looks at names and domains, not aliases: filter the (few) centres.
        return realm.admin().organizations().get(realm.admin().organizations().getAll().stream()
                .filter(o -> siret.equals(o.getAlias())).findFirst().orElseThrow().getId());
    }

    private static List<GroupRepresentation> gestionnaireGroups(OrganizationResource centre, String siret) {
        Map<String, List<String>> wanted = Map.of("ceres.siret", List.of(siret), "ceres.role", List.of("gestionnaire"));
        return centre.groups().getAll(null, null, null, null, null, false, false).stream()
                .filter(g -> wanted.entrySet().stream().allMatch(e -> e.getValue().equals(g.getAttributes().get(e.getKey()))))
                .toList();
    }


    @Test
    @Order(7)
    @Tag("concurrency")
    @DisplayName("Given one person posting 20 wrong codes at the same instant from 20 tabs, then exactly 5 are evaluated and 15 told « Trop d'essais », none fails")
    void concurrentWrongCodesOfOnePerson() throws Exception {
        letters().registerAndIssue(BOURGOGNE);
        ActivatedAccounts.create(realm, "onglets@bourgogne.fr");
        List<HttpAttachSession> tabs = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            tabs.add(new HttpAttachSession(realm.getBaseUrl()).signIn("onglets@bourgogne.fr", Applicant.PASSWORD));
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        int evaluated = 0;
        int tooMany = 0;
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (HttpAttachSession tab : tabs) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return tab.attach(BOURGOGNE, WRONG_CODE);
                }));
            }
            start.countDown();
            for (int i = 0; i < CONCURRENT; i++) {
                HttpResponse<String> answer = answers.get(i).get();
                String page = tabs.get(i).pageAfter(answer);
                // Parts without apostrophes: the page escapes them.
                if (page.contains("ne correspond pas à ce SIRET")) {
                    evaluated++;
                } else if (page.matches("(?s).*Trop d.{1,6}essais : réessayez après \\d{2}:\\d{2}\\..*")) {
                    tooMany++;
                } else {
                    throw new AssertionError("unexpected answer " + answer.statusCode() + ": " + page);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, evaluated, "the per-person limit, exactly");
        assertEquals(CONCURRENT - 5, tooMany);
    }

    @Test
    @Order(8)
    @DisplayName("Given ten failed attempts on one SIRET by two people, then the letter's holder still attaches with the right code, and agents see the alert on the centre and in the events")
    void othersFailuresLockNobodyOut() throws Exception {
        String code = letters().registerAndIssue(OCCITANIE);
        for (String who : List.of("a", "b")) {
            String email = "siret-" + who + "@occitanie.fr";
            ActivatedAccounts.create(realm, email);
            HttpAttachSession person = new HttpAttachSession(realm.getBaseUrl()).signIn(email, Applicant.PASSWORD);
            for (int attempt = 0; attempt < 5; attempt++) {
                HttpResponse<String> refused = person.attach(OCCITANIE, WRONG_CODE);
                assertFalse(HttpAttachSession.isCodeForTheApplication(refused));
                assertFalse(refused.body().contains("réessayez après"), "the person's own limit is not reached yet");
            }
        }

        ActivatedAccounts.create(realm, "siret-c@occitanie.fr");
        HttpAttachSession holder = new HttpAttachSession(realm.getBaseUrl()).signIn("siret-c@occitanie.fr", Applicant.PASSWORD);
        HttpResponse<String> attached = holder.attach(OCCITANIE, code);
        assertTrue(HttpAttachSession.isCodeForTheApplication(attached), holder.pageAfter(attached));
        assertEquals(List.of("siret-c@occitanie.fr"), gestionnaires(OCCITANIE));

        JsonNode alert = letters().centre(OCCITANIE).get("alerteTentatives");
        assertTrue(alert != null && alert.isObject(), "the mark agents see: " + alert);
        assertEquals(10, alert.get("echecs").asInt(), alert.toString());
        List<EventRepresentation> events = realm.admin().getEvents(List.of("CUSTOM_REQUIRED_ACTION_ERROR"), null, null,
                null, null, null, null, null);
        assertTrue(events.stream().anyMatch(e -> OCCITANIE.equals(e.getDetails().get("siret"))
                && "10".equals(e.getDetails().get("siret_failures_alert"))), "the alert's event: " + events);
        assertFalse(letters().centre(BOURGOGNE).has("alerteTentatives"), "5 failures: under the threshold");
    }

    @Test
    @Order(9)
    @DisplayName("Given a code past its expiry, then the attach page says it expired and to ask the DREETS, the agent sees code-expire, and a re-issued code attaches")
    void expiredCodeIsRefused() throws Exception {
        String code = letters().registerAndIssue(AQUITAINE);
        ActivatedAccounts.create(realm, "expire@aquitaine.fr");
        CeresAuthorization ceres = authorization();

        // One day past the default lifetime of 365 days: the server's clock, not the code, moves.
        timeOffSet.set(Duration.ofDays(366));

        ceres.open("").logIn("expire@aquitaine.fr", Applicant.PASSWORD);
        AttachPage page = new AttachPage(browser.driver());
        assertTrue(page.isShown(), "attach page: " + browser.driver().getCurrentUrl());
        page.attach(AQUITAINE, code);
        assertTrue(page.text().contains("Ce code d'activation a expiré : demandez-en un nouveau à votre DREETS."),
                page.text());
        screenshots.take(browser.driver(), "07-expired-code");
        assertTrue(gestionnaires(AQUITAINE).isEmpty(), "an expired code grants nothing");
        assertEquals("code-expire", letters().centre(AQUITAINE).get("etat").asText(), "what the agent sees");

        String reissued = letters().registerAndIssue(AQUITAINE);
        page.attach(AQUITAINE, reissued);
        assertTrue(ceres.callbackParam("code").isPresent(), "back to Ceres: " + browser.driver().getCurrentUrl());
        assertEquals(List.of("expire@aquitaine.fr"), gestionnaires(AQUITAINE));
    }
}
