package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ceres.keycloak.it.support.ActivatedAccounts;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.HttpAttachSession;
import fr.ceres.keycloak.it.support.Mailbox;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.annotations.TestSetup;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Flow F5 through the agents' REST API ({@code /admin/realms/mes-demarches/ceres/centres}): a DREETS agent, who is
 * not a realm admin, registers centres, issues and re-issues codes inside letters, imports a CSV; the API refuses
 * anonymous callers and ordinary users and lets realm admins in. Tokens come from the password grant of a public
 * test client made here, not shipped in the realm.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class CentresAdminApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    private static final String TEST_CLIENT = "ceres-agent-test";
    private static final String AGENT = "agent.dreets@travail.gouv.fr";
    private static final String ORDINARY = "personne@cfa-exemple.fr";
    /** An administrator of something else: may read users, nothing about centres. */
    private static final String USER_VIEWER = "lecture-comptes@cfa-exemple.fr";

    /** Demo register: open establishments, a closed one, and a SIRET nobody knows. */
    private static final String TILLEULS = "73282932000074";
    private static final String VAL_DE_LOIRE = "52047381000015";
    private static final String CLOSED = "38452107600016";
    private static final String UNKNOWN = "99999999900017";
    /** For the concurrent issues only. */
    private static final String ALSACE = "53710284000015";
    private static final int CONCURRENT_ISSUES = 8;
    /** For the re-issue of an active centre only. */
    private static final String MONTAGNE = "82596013100019";
    private static final String MONTAGNE_GESTIONNAIRE = "gestionnaire@montagne-securite.fr";

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    /** The realm's SMTP settings are environment placeholders; the mail server supplies real ones. */
    @InjectMailServer
    MailServer mailServer;

    /** The framework's master-realm admin: a realm admin of every realm. */
    @InjectAdminClient
    Keycloak masterAdmin;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Once per class (the realm lives as long); public, as the framework calls it by reflection. */
    @TestSetup
    public void agentOrdinaryUserAndTestClient() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(TEST_CLIENT);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(true);
        realm.admin().clients().create(client).close();

        String agentId = ActivatedAccounts.create(realm, AGENT);
        realm.admin().users().get(agentId).roles().realmLevel()
                .add(List.of(realm.admin().roles().get("ceres-agent").toRepresentation()));
        ActivatedAccounts.create(realm, ORDINARY);
        String viewerId = ActivatedAccounts.create(realm, USER_VIEWER);
        String realmManagement = realm.admin().clients().findByClientId("realm-management").get(0).getId();
        realm.admin().users().get(viewerId).roles().clientLevel(realmManagement)
                .add(List.of(realm.admin().clients().get(realmManagement).roles().get("view-users").toRepresentation()));

        // Stores the representation of admin events too, so the test can check that no code is in them.
        RealmRepresentation details = new RealmRepresentation();
        details.setAdminEventsDetailsEnabled(true);
        realm.admin().update(details);
    }

    /** First, so the demo centre is still unregistered; the other tests register what they need themselves. */
    @Test
    @Order(1)
    @DisplayName("Given an agent and an open establishment, then the centre is created from the register with 201, Location and sans-code; again is 409")
    void registersThenConflicts() throws Exception {
        HttpResponse<String> created = registerAs(agentToken(), TILLEULS, "AGR-92-2019-0001", List.of());
        assertEquals(201, created.statusCode(), created.body());
        JsonNode centre = JSON.readTree(created.body());
        assertEquals(TILLEULS, centre.get("siret").asText());
        assertEquals("732829320", centre.get("siren").asText());
        assertEquals("CENTRE DE FORMATION PROFESSIONNELLE LES TILLEULS", centre.get("raisonSociale").asText());
        assertEquals("92100 BOULOGNE-BILLANCOURT", centre.get("commune").asText());
        assertEquals("AGR-92-2019-0001", centre.get("referenceAgrement").asText());
        assertEquals("sans-code", centre.get("etat").asText());
        assertEquals(0, centre.get("gestionnaires").asInt());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/ceres/centres/" + TILLEULS));

        assertEquals(1, realm.admin().organizations().getAll().stream()
                .filter(organization -> TILLEULS.equals(organization.getAlias())).count(),
                "an Organization with the SIRET as alias");

        HttpResponse<String> again = registerAs(agentToken(), TILLEULS, "AGR-92-2019-0001", List.of());
        assertEquals(409, again.statusCode(), again.body());
    }

    @Test
    @DisplayName("Given a malformed, unknown or closed SIRET, then 400, 422 and 422 with their error codes")
    void refusesWhatTheRegisterRefuses() throws Exception {
        assertError(registerAs(agentToken(), "12345678900000", "AGR-1", List.of()), 400, "invalid_siret");
        assertError(registerAs(agentToken(), UNKNOWN, "AGR-1", List.of()), 422, "unknown_siret");
        assertError(registerAs(agentToken(), CLOSED, "AGR-1", List.of()), 422, "closed_establishment");
        assertError(send(agentToken(), "POST", "", HttpRequest.BodyPublishers.ofString("{not json"),
                "application/json"), 400, "invalid_request");
    }

    @Test
    @DisplayName("Given a non-diffusible establishment, then the agent must type what the register masks, and the centre holds no placeholder")
    void nonDiffusibleEstablishmentTakesTheAgentsTypedData() throws Exception {
        HttpResponse<String> refused = registerAs(agentToken(), SignUpIT.NON_DIFFUSIBLE_SIRET, "AGR-75-2026-0007", List.of());
        assertError(refused, 422, "company_fields_missing");
        assertEquals("raisonSociale,adresse,commune", JSON.readTree(refused.body()).get("missing").asText());
        assertTrue(JSON.readTree(refused.body()).get("error_description").asText().contains("saisissez-les"), refused.body());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siret", SignUpIT.NON_DIFFUSIBLE_SIRET);
        body.put("referenceAgrement", "AGR-75-2026-0007");
        body.put("raisonSociale", "CLAIRE DURAND FORMATION");
        body.put("adresse", "3 RUE OBERKAMPF");
        body.put("commune", "75011 PARIS");
        HttpResponse<String> created = send(agentToken(), "POST", "",
                HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)), "application/json");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode centre = JSON.readTree(created.body());
        assertEquals("CLAIRE DURAND FORMATION", centre.get("raisonSociale").asText());
        assertEquals("3 RUE OBERKAMPF", centre.get("adresse").asText());
        assertEquals("75011 PARIS", centre.get("commune").asText());
        assertFalse(created.body().contains("[ND]"), created.body());
    }

    @Test
    @DisplayName("Given a linked site of another company, malformed, or the centre itself, then 400 naming the site and nothing registered")
    void refusesBadLinkedSites() throws Exception {
        HttpResponse<String> otherCompany = registerAs(agentToken(), VAL_DE_LOIRE, "AGR-37-1", List.of(TILLEULS));
        assertError(otherCompany, 400, "linked_site_other_company");
        assertEquals(TILLEULS, JSON.readTree(otherCompany.body()).get("site").asText());
        assertError(registerAs(agentToken(), VAL_DE_LOIRE, "AGR-37-1", List.of("5204738100002")), 400,
                "invalid_linked_site");
        assertError(registerAs(agentToken(), VAL_DE_LOIRE, "AGR-37-1", List.of(VAL_DE_LOIRE)), 400,
                "linked_site_is_centre");

        assertEquals(404, send(agentToken(), "GET", "/" + VAL_DE_LOIRE, null, null).statusCode());
    }


    @Test
    @DisplayName("Given an approval reference with a NUL, a C1 control, a bidirectional override or a line break, then 400 with a French message and nothing registered")
    void refusesHiddenCharacters() throws Exception {
        for (String reference : List.of("AGR\u0000-37-1", "AGR\u0085-37-1", "AGR-\u202e1-73", "\u2066AGR-37-1\u2069", "AGR\r\n37-1")) {
            HttpResponse<String> refused = registerAs(agentToken(), VAL_DE_LOIRE, reference, List.of());
            assertError(refused, 400, "invalid_reference");
            assertEquals("Référence d'agrément contenant des caractères invisibles ou de contrôle.",
                    JSON.readTree(refused.body()).get("error_description").asText());
        }
        assertEquals(404, send(agentToken(), "GET", "/" + VAL_DE_LOIRE, null, null).statusCode(), "nothing registered");
        // Keycloak itself refuses ASCII controls in a query string, before the search reads it.
        assertEquals(400, send(agentToken(), "GET", "?search=" + enc("tille\u0000uls"), null, null).statusCode());
    }

    @Test
    @DisplayName("Given registered centres, then search by SIRET prefix or name finds them, one reads by SIRET, and bad paging is 400")
    void searchAndRead() throws Exception {
        ensureRegistered(TILLEULS);

        JsonNode byPrefix = JSON.readTree(send(agentToken(), "GET", "?search=7328", null, null).body());
        assertTrue(sirets(byPrefix).contains(TILLEULS), byPrefix.toString());
        JsonNode byName = JSON.readTree(send(agentToken(), "GET", "?search=" + enc("tilleuls"), null, null).body());
        assertTrue(sirets(byName).contains(TILLEULS), byName.toString());
        JsonNode none = JSON.readTree(send(agentToken(), "GET", "?search=" + enc("zzz introuvable"), null, null).body());
        assertEquals(0, none.size());
        JsonNode page = JSON.readTree(send(agentToken(), "GET", "?first=0&max=1", null, null).body());
        assertEquals(1, page.size());

        HttpResponse<String> one = send(agentToken(), "GET", "/" + TILLEULS, null, null);
        assertEquals(200, one.statusCode());
        assertEquals(TILLEULS, JSON.readTree(one.body()).get("siret").asText());
        assertEquals(404, send(agentToken(), "GET", "/" + VAL_DE_LOIRE, null, null).statusCode());
        assertError(send(agentToken(), "GET", "/123", null, null), 400, "invalid_siret");
        assertError(send(agentToken(), "GET", "?max=abc", null, null), 400, "invalid_paging");
        assertEquals(200, send(agentToken(), "GET", "?max=100000", null, null).statusCode());
    }


    @Test
    @DisplayName("Given a registered centre, then issuing returns the letter with SIRET and code, the state is awaiting activation, re-issuing gives another code, and no admin event holds a code")
    void issueAndReissue() throws Exception {
        ensureRegistered(TILLEULS);
        String token = agentToken();

        HttpResponse<byte[]> first = issue(token, TILLEULS);
        assertEquals(200, first.statusCode());
        assertEquals("application/pdf", first.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("attachment; filename=\"lettre-" + TILLEULS + ".pdf\"",
                first.headers().firstValue("Content-Disposition").orElse(""));
        String letter = pdfText(first.body());
        assertTrue(letter.contains(TILLEULS), letter);
        assertTrue(letter.contains("LES TILLEULS"), letter); // the name wraps inside the envelope window
        String code = code(letter);
        String portal = portalLink(first.body());
        assertEquals(realm.getBaseUrl() + "/ceres-portal/", portal, "no portal-url option: the realm's portal page");
        HttpResponse<String> portalPage = http.send(HttpRequest.newBuilder(URI.create(portal)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(portalPage.statusCode() == 200 || portalPage.statusCode() == 302 || portalPage.statusCode() == 303,
                "the printed address is served: " + portalPage.statusCode());

        JsonNode centre = JSON.readTree(send(token, "GET", "/" + TILLEULS, null, null).body());
        assertEquals("en-attente-activation", centre.get("etat").asText());
        assertFalse(centre.toString().contains(code));

        String second = code(pdfText(issue(token, TILLEULS).body()));
        assertNotEquals(code, second, "a re-issue is a new code");

        String events = adminEvents();
        assertTrue(events.contains("ceres/centres/" + TILLEULS + "/code"), events);
        assertTrue(events.contains("\"ORGANIZATION\""), events);
        for (String issued : List.of(code, second)) {
            assertFalse(events.contains(issued) || events.contains(issued.replace("-", "")),
                    "no admin event holds the code");
        }

        assertEquals(404, issue(token, VAL_DE_LOIRE).statusCode());
    }


    @Test
    @DisplayName("Given good and bad rows, then the ZIP has a letter per new centre and a report with reasons; a second run issues nothing")
    void importTwice() throws Exception {
        String csv = "siret;reference_agrement;sites_lies\n"
                + "41823967900016;AGR-69-2019-0007;41823967900024|41823967900032\n"
                + "48915602600010;AGR-76-2019-0003;\n"
                + CLOSED + ";AGR-22-2019-0001;\n"
                + UNKNOWN + ";AGR-00-0000-0000;\n"
                + "12345678900000;AGR-XX;\n"
                + "50361942100012;;\n";

        Map<String, byte[]> zip = importCsv(csv, false);
        assertEquals(List.of("rapport.csv", "lettre-41823967900016.pdf", "lettre-48915602600010.pdf"),
                zip.keySet().stream().sorted((a, b) -> a.startsWith("rapport") ? -1 : b.startsWith("rapport") ? 1
                        : a.compareTo(b)).toList());
        String report = new String(zip.get("rapport.csv"), StandardCharsets.UTF_8);
        assertTrue(report.contains("41823967900016;AGR-69-2019-0007;emis;;lettre-41823967900016.pdf"), report);
        assertTrue(report.contains(CLOSED + ";AGR-22-2019-0001;rejete;établissement fermé"), report);
        assertTrue(report.contains(UNKNOWN + ";AGR-00-0000-0000;rejete;SIRET inconnu"), report);
        assertTrue(report.contains("12345678900000;AGR-XX;rejete;SIRET « 12345678900000 » mal formé"), report);
        assertTrue(report.contains("50361942100012;;rejete;référence d'agrément manquante"), report);
        String letter = pdfText(zip.get("lettre-41823967900016.pdf"));
        assertTrue(letter.contains("41823967900016"));
        code(letter);

        JsonNode centre = JSON.readTree(send(agentToken(), "GET", "/41823967900016", null, null).body());
        assertEquals("en-attente-activation", centre.get("etat").asText());
        assertEquals(List.of("41823967900024", "41823967900032"),
                JSON.convertValue(centre.get("sitesLies"), List.class));

        Map<String, byte[]> again = importCsv(csv, false);
        assertEquals(List.of("rapport.csv"), List.copyOf(again.keySet()), "no new letters");
        String secondReport = new String(again.get("rapport.csv"), StandardCharsets.UTF_8);
        assertTrue(secondReport.contains("41823967900016;AGR-69-2019-0007;deja-emis;"), secondReport);
        assertTrue(secondReport.contains("48915602600010;AGR-76-2019-0003;deja-emis;"), secondReport);
        assertFalse(secondReport.contains(";emis;"), secondReport);

        Map<String, byte[]> reissued = importCsv("siret;reference_agrement\n48915602600010;AGR-76-2019-0003\n", true);
        assertTrue(reissued.containsKey("lettre-48915602600010.pdf"), "reissue=true issues again");

        HttpResponse<String> bad = send(agentToken(), "POST", "/import",
                HttpRequest.BodyPublishers.ofString("nom;adresse\nx;y\n"), "text/csv");
        assertError(bad, 400, "invalid_csv");
        assertTrue(JSON.readTree(bad.body()).get("error_description").asText().startsWith("Colonne inconnue"));
        assertTrue(adminEvents().contains("ceres/centres/import"));
    }


    @Test
    @Tag("concurrency")
    @DisplayName("Given " + CONCURRENT_ISSUES + " requests issuing a code for one centre at the same instant, then each gets its letter or a French 409, and of the letters' codes exactly one works")
    void concurrentIssues() throws Exception {
        ensureRegistered(ALSACE);
        String token = agentToken();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_ISSUES);
        List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        int conflicts = 0;
        try {
            for (int i = 0; i < CONCURRENT_ISSUES; i++) {
                Callable<HttpResponse<byte[]>> request = () -> {
                    start.await();
                    return issue(token, ALSACE);
                };
                answers.add(pool.submit(request));
            }
            long began = System.nanoTime();
            start.countDown();
            for (Future<HttpResponse<byte[]>> answer : answers) {
                HttpResponse<byte[]> response = answer.get();
                String body = new String(response.body(), StandardCharsets.UTF_8);
                if (response.statusCode() == 200) {
                    codes.add(code(pdfText(response.body())));
                } else {
                    assertEquals(409, response.statusCode(), body);
                    JsonNode error = JSON.readTree(body);
                    assertEquals("concurrent_issue", error.get("error").asText(), body);
                    assertTrue(error.get("error_description").asText().startsWith("Un autre code vient d'être émis"
                            + " pour ce centre au même instant"), body);
                    assertEquals(ALSACE, error.get("siret").asText(), body);
                    conflicts++;
                }
            }
            System.out.printf("CentresAdminApiIT: %d concurrent issues in %d ms: %d letters, %d conflicts (409)%n",
                    CONCURRENT_ISSUES, (System.nanoTime() - began) / 1_000_000, codes.size(), conflicts);
        } finally {
            pool.shutdownNow();
        }
        assertFalse(codes.isEmpty(), "at least one letter");
        assertEquals("en-attente-activation",
                JSON.readTree(send(agentToken(), "GET", "/" + ALSACE, null, null).body()).get("etat").asText());

        // Each letter's code typed by its own person: until the live one, each is refused as wrong (voided by a
        // later issue); the live one makes its person gestionnaire; after it, the centre is active.
        int redeemed = 0;
        for (int i = 0; i < codes.size(); i++) {
            String email = "lettre-" + i + "@alsace.fr";
            ActivatedAccounts.create(realm, email);
            HttpAttachSession person = new HttpAttachSession(realm.getBaseUrl()).signIn(email, Applicant.PASSWORD);
            HttpResponse<String> answer = person.attach(ALSACE, codes.get(i));
            if (HttpAttachSession.isCodeForTheApplication(answer)) {
                redeemed++;
            } else {
                String page = person.pageAfter(answer);
                // The page escapes the apostrophe of « d'activation »: matched after it.
                assertTrue(redeemed == 0 ? page.contains("activation ne correspond pas à ce SIRET")
                        : page.contains("a déjà été activé"), page);
            }
        }
        assertEquals(1, redeemed, "exactly one of " + codes.size() + " letters' codes works");
    }

    @Test
    @DisplayName("Given an active centre, then re-issuing its code needs a reason (French 400 without, or when unfit); with one, its gestionnaire is emailed it, the admin event names the agent and carries it, and a CSV never re-issues it")
    void reissueOfAnActiveCentre() throws Exception {
        ensureRegistered(MONTAGNE);
        String token = agentToken();
        String code = code(pdfText(issue(token, MONTAGNE).body()));
        ActivatedAccounts.create(realm, MONTAGNE_GESTIONNAIRE);
        HttpAttachSession holder = new HttpAttachSession(realm.getBaseUrl()).signIn(MONTAGNE_GESTIONNAIRE, Applicant.PASSWORD);
        assertTrue(HttpAttachSession.isCodeForTheApplication(holder.attach(MONTAGNE, code)), "the letter's holder attaches");

        HttpResponse<String> withoutReason = send(token, "POST", "/" + MONTAGNE + "/code", null, null);
        assertError(withoutReason, 400, "reason_required");
        assertTrue(JSON.readTree(withoutReason.body()).get("error_description").asText().contains("motif"), withoutReason.body());
        for (String unfit : List.of("Lettre\\u0000perdue", "Lettre \\u202Eeudrep", "x".repeat(501))) {
            assertError(reissueWith(token, MONTAGNE, "{\"motif\":\"" + unfit + "\"}"), 400, "invalid_reason");
        }
        assertEquals("actif", JSON.readTree(send(token, "GET", "/" + MONTAGNE, null, null).body()).get("etat").asText(),
                "nothing re-issued");
        assertTrue(new Mailbox(mailServer).to(MONTAGNE_GESTIONNAIRE).isEmpty(), "nobody told of what did not happen");

        String reason = "Lettre perdue par le centre, demande du directeur du 28/11";
        HttpResponse<String> reissued = reissueWith(token, MONTAGNE, JSON.writeValueAsString(Map.of("motif", reason)));
        assertEquals(200, reissued.statusCode(), reissued.body());
        assertEquals("en-attente-activation",
                JSON.readTree(send(token, "GET", "/" + MONTAGNE, null, null).body()).get("etat").asText());

        Mailbox.Mail mail = new Mailbox(mailServer).awaitMessage(MONTAGNE_GESTIONNAIRE, 1);
        assertEquals("Un nouveau code d'activation CERES a été émis pour votre centre", mail.subject());
        assertTrue(mail.text().contains("MONTAGNE SECURITE PREVENTION FORMATION (SIRET " + MONTAGNE + ")"), mail.text());
        assertTrue(mail.text().contains("Motif indiqué par l'agent : " + reason), mail.text());

        String events = adminEvents();
        assertTrue(events.contains(reason), "the reason in the admin event: " + events);
        JsonNode event = null;
        for (JsonNode candidate : JSON.readTree(events)) {
            if (candidate.path("representation").asText().contains(reason)) {
                event = candidate;
            }
        }
        assertNotNull(event);
        JsonNode representation = JSON.readTree(event.get("representation").asText());
        assertEquals(AGENT, representation.get("agent").asText());
        assertEquals(1, representation.get("gestionnairesInformes").asInt());
        String agentId = realm.admin().users().searchByEmail(AGENT, true).get(0).getId();
        assertEquals(agentId, event.get("authDetails").get("userId").asText(), "the agent who acted");

        Map<String, byte[]> zip = importCsv("siret;reference_agrement;sites_lies\n" + MONTAGNE + ";AGR-74-1;\n", true);
        assertFalse(zip.containsKey("lettre-" + MONTAGNE + ".pdf"), "no letter: " + zip.keySet());
        String report = new String(zip.get("rapport.csv"), StandardCharsets.UTF_8);
        assertTrue(report.contains("centre actif"), report);
    }

    @Test
    @DisplayName("Given no token, an ordinary user, an admin of users only or a realm admin, then 401, 403, 403 and allowed")
    void onlyAgentsAndAdmins() throws Exception {
        assertEquals(401, send(null, "GET", "", null, null).statusCode());
        assertEquals(401, send(null, "POST", "/" + TILLEULS + "/code", HttpRequest.BodyPublishers.noBody(), null)
                .statusCode());

        String ordinary = token(ORDINARY);
        assertEquals(403, send(ordinary, "GET", "", null, null).statusCode());
        assertEquals(403, registerAs(ordinary, VAL_DE_LOIRE, "AGR-37-1", List.of()).statusCode());
        assertEquals(403, send(ordinary, "POST", "/" + TILLEULS + "/code", HttpRequest.BodyPublishers.noBody(), null)
                .statusCode());
        assertEquals(403, send(ordinary, "POST", "/import", HttpRequest.BodyPublishers.ofString("siret\n"), "text/csv")
                .statusCode());

        String viewer = token(USER_VIEWER);
        HttpRequest users = HttpRequest.newBuilder(URI.create(serverUrl() + "/admin/realms/" + realm.getName() + "/users?max=1"))
                .header("Authorization", "Bearer " + viewer).GET().build();
        assertEquals(200, http.send(users, HttpResponse.BodyHandlers.ofString()).statusCode(),
                "the token does work for what its holder administers");
        assertEquals(403, send(viewer, "GET", "", null, null).statusCode());
        assertEquals(403, registerAs(viewer, VAL_DE_LOIRE, "AGR-37-1", List.of()).statusCode());

        String admin = masterAdmin.tokenManager().getAccessTokenString();
        HttpResponse<String> asAdmin = send(admin, "GET", "", null, null);
        assertEquals(200, asAdmin.statusCode(), asAdmin.body());
        assertTrue(JSON.readTree(asAdmin.body()).isArray());
    }

    // --- helpers ---

    private void ensureRegistered(String siret) throws Exception {
        HttpResponse<String> response = registerAs(agentToken(), siret, "AGR-TEST-0001", List.of());
        assertTrue(response.statusCode() == 201 || response.statusCode() == 409, response.body());
    }

    private HttpResponse<String> registerAs(String token, String siret, String reference, List<String> sites)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siret", siret);
        body.put("referenceAgrement", reference);
        body.put("sitesLies", sites);
        return send(token, "POST", "", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)),
                "application/json");
    }

    private HttpResponse<byte[]> issue(String token, String siret) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(centresUrl() + "/" + siret + "/code"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> reissueWith(String token, String siret, String json) throws Exception {
        return send(token, "POST", "/" + siret + "/code", HttpRequest.BodyPublishers.ofString(json), "application/json");
    }

    private Map<String, byte[]> importCsv(String csv, boolean reissue) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(centresUrl() + "/import?reissue=" + reissue))
                .header("Authorization", "Bearer " + agentToken())
                .header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("application/zip", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private HttpResponse<String> send(String token, String method, String path, HttpRequest.BodyPublisher body,
                                      String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(centresUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every admin event of the realm, as the admin API returns them (representations included). */
    private String adminEvents() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(serverUrl() + "/admin/realms/" + realm.getName()
                        + "/admin-events?max=1000"))
                .header("Authorization", "Bearer " + masterAdmin.tokenManager().getAccessTokenString())
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private String agentToken() throws Exception {
        return token(AGENT);
    }

    /** A test aid only: agents sign in through the browser; the password grant is enabled on the test client. */
    private String token(String username) throws Exception {
        String form = "grant_type=password&client_id=" + TEST_CLIENT + "&username=" + enc(username) + "&password="
                + enc(Applicant.PASSWORD);
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private String centresUrl() {
        return serverUrl() + "/admin/realms/" + realm.getName() + "/ceres/centres";
    }

    private String serverUrl() {
        String base = realm.getBaseUrl();
        return base.substring(0, base.indexOf("/realms/"));
    }

    private static void assertError(HttpResponse<String> response, int status, String error) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(error, JSON.readTree(response.body()).get("error").asText(), response.body());
    }

    private static List<String> sirets(JsonNode centres) {
        List<String> sirets = new ArrayList<>();
        centres.forEach(centre -> sirets.add(centre.get("siret").asText()));
        return sirets;
    }

    private static String pdfText(byte[] pdf) throws IOException {
        assertNotNull(pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The letter's one link: the portal address, as a reader clicking it in the PDF gets it. */
    private static String portalLink(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDAnnotation> annotations = document.getPage(0).getAnnotations();
            assertEquals(1, annotations.size());
            return ((PDActionURI) ((PDAnnotationLink) annotations.get(0)).getAction()).getURI();
        }
    }

    private static String code(String letter) {
        Matcher matcher = CODE.matcher(letter);
        assertTrue(matcher.find(), "a grouped code in the letter: " + letter);
        return matcher.group();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
