package fr.ceres.keycloak.it;

import static fr.ceres.keycloak.it.support.HostileAnswers.DEADLINE;
import static fr.ceres.keycloak.it.support.HostileAnswers.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import fr.ceres.keycloak.it.support.AccessPageRows;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.Gestionnaires;
import fr.ceres.keycloak.it.support.HostileAnswers;
import fr.ceres.keycloak.it.support.HostileInputs.Input;
import fr.ceres.keycloak.it.support.HostileInputs;
import fr.ceres.keycloak.it.support.HttpAttachSession;
import fr.ceres.keycloak.it.support.InviteByEmail;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.PortalAccounts;
import fr.ceres.keycloak.it.support.PortalHttp;
import fr.ceres.keycloak.it.support.SignUpPage;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Every surface a person or a client can reach, sent every value of {@link HostileInputs} in every field and
 * parameter, plus what only forged requests carry (bodies, content types, tokens, CSRF fields, other centres'
 * ids, CSV files). Each input passes when its answer came within five seconds, was no server error, built no
 * header from the input ({@link fr.ceres.keycloak.it.support.HostileAnswers}), and, when refused, left nothing
 * stored; free text that can never be right (controls, line breaks, bidirectional overrides, oversize) must be
 * refused. One dynamic test per input; {@link #atLeastThreeHundredInputs()} counts them.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
class HostileInputIT {

    private static final String ACADEMIE = "41823967900016";
    private static final String GRENOBLE = "41823967900024";
    private static final String VAL_DE_LOIRE = "52047381000015";
    /** Known to the register, registered by no test here until the agents' API surface does. */
    private static final String FREE_CENTRE = "48915602600010";
    private static final String ALICE = "alice@academie.fr";
    private static final String DENIS = "denis@valdeloire.fr";
    private static final String CHLOE = "chloe@academie.fr";
    private static final String APPLICANT = "candidat@academie.fr";
    private static final String INVITEE = "invitee@exemple.fr";
    private static final List<String> SIGN_UP_FIELDS = List.of("email", "firstName", "lastName", "raisonSociale",
            "adresse", "commune", "siret", "telephone", "civilite");
    /** The sign-up fields a person types free text into, and the email. */
    private static final List<String> SIGN_UP_TEXT = List.of("email", "firstName", "lastName", "raisonSociale",
            "adresse", "commune");
    private static final List<String> CENTRE_FIELDS = List.of("siret", "referenceAgrement", "sitesLies");
    private static final List<String> INVITE_FIELDS = List.of("email", "utilisateur", "role", "siret");
    private static final List<String> ID_ACTIONS = List.of("invitations/%s/renvoyer", "invitations/%s/annuler",
            "demandes/%s/accepter", "demandes/%s/refuser");
    /** Forged requests of the agents' API that carry no hostile value: bodies, content types, credentials. */
    private static final int FORGED_API_REQUESTS = 13;
    private static final int CSV_FILES = 9;
    private static final int FORGED_CSRF = 3;

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectAdminClient
    Keycloak admin;

    /** The people and rows the forged requests aim at, made once: the realm lives as long as the class. */
    private static People people;

    /** HTTP/1.1 as browsers speak it over plain http (no h2c upgrade). */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(DEADLINE)
            .build();

    private record People(PortalHttp alice, String aliceCsrf, long habilitations, PortalHttp denis, PortalHttp chloe,
                          String chloeCsrf, String invitationId, String requestId, String otherInvitationId) {
    }

    @BeforeEach
    void people() throws Exception {
        if (people != null) {
            return;
        }
        Gestionnaires gestionnaires = new Gestionnaires(realm.getBaseUrl(), this::agentToken);
        gestionnaires.register(ACADEMIE, List.of(GRENOBLE));
        gestionnaires.register(VAL_DE_LOIRE, List.of());
        PortalAccounts.create(realm, ALICE, "Alice", "Martin", ACADEMIE);
        PortalAccounts.create(realm, DENIS, "Denis", "Morel", VAL_DE_LOIRE);
        PortalAccounts.create(realm, CHLOE, "Chloé", "Roux", ACADEMIE);
        PortalAccounts.create(realm, APPLICANT, "Camille", "Durand", ACADEMIE);
        gestionnaires.attach(ALICE, ACADEMIE);
        gestionnaires.attach(DENIS, VAL_DE_LOIRE);

        PortalHttp alice = new PortalHttp(realm.getBaseUrl(), DEADLINE).signIn(ALICE, Applicant.PASSWORD);
        String aliceCsrf = PortalHttp.csrfOf(alice.get(accessPage(ACADEMIE)).body());
        assertEquals(303, alice.post(accessPage(ACADEMIE) + "/inviter", invitation(aliceCsrf, INVITEE)).statusCode());
        PortalHttp denis = new PortalHttp(realm.getBaseUrl(), DEADLINE).signIn(DENIS, Applicant.PASSWORD);
        String denisCsrf = PortalHttp.csrfOf(denis.get(accessPage(VAL_DE_LOIRE)).body());
        Map<String, String> denisInvites = invitation(denisCsrf, "autre@valdeloire.fr");
        denisInvites.put("siret", VAL_DE_LOIRE);
        assertEquals(303, denis.post(accessPage(VAL_DE_LOIRE) + "/inviter", denisInvites).statusCode());
        PortalHttp chloe = new PortalHttp(realm.getBaseUrl(), DEADLINE).signIn(CHLOE, Applicant.PASSWORD);
        String chloeCsrf = PortalHttp.csrfOf(chloe.get(portal()).body());
        assertEquals(303, chloe.post(portal() + "demande", Map.of("csrf", chloeCsrf, "centre", ACADEMIE)).statusCode());
        new Mailbox(mailServer).awaitMessage(ALICE, 1);

        String page = alice.get(accessPage(ACADEMIE)).body();
        people = new People(alice, aliceCsrf, AccessPageRows.HABILITATION.matcher(page).results().count(), denis, chloe, chloeCsrf,
                first(AccessPageRows.INVITATION, page), first(AccessPageRows.REQUEST, page),
                first(AccessPageRows.INVITATION, denis.get(accessPage(VAL_DE_LOIRE)).body()));
    }

    @Test
    @DisplayName("Given the surfaces below, then at least 300 hostile inputs are sent to them")
    void atLeastThreeHundredInputs() {
        int values = HostileInputs.ALL.size();
        int inputs = values                           // pre-fill
                + values                              // activation link
                + 2 * values                          // invitation link and its form
                + SIGN_UP_FIELDS.size() * values      // sign-up
                + 2 * values                          // attach page
                + (CENTRE_FIELDS.size() + 3) * values // agents' API: registration, centre, code, search
                + FORGED_API_REQUESTS + CSV_FILES
                + (INVITE_FIELDS.size() + 2) * values // access page: invite, address, people search
                + ID_ACTIONS.size() * values + values // other ids, refusal reasons
                + FORGED_CSRF
                + values                              // access requests
                + values;                             // agents' page files
        assertTrue(inputs >= 300, inputs + " inputs");
        System.out.println("[hostile] " + inputs + " inputs over " + values + " hostile values");
    }

    @TestFactory
    @DisplayName("The register page's pre-fill endpoint, SIRET in the path")
    Stream<DynamicTest> prefill() {
        AtomicInteger client = new AtomicInteger();
        return each(HostileInputs.ALL, input -> answer("pre-fill " + input, () -> http.send(
                get(realm.getBaseUrl() + "/company-register/" + path(input.value()))
                        // One client address per input, so the per-address limit does not hide the answers.
                        .header("X-Forwarded-For", "198.51.100." + (client.incrementAndGet() % 250 + 1)).build(),
                HttpResponse.BodyHandlers.ofString())));
    }

    @TestFactory
    @DisplayName("The activation link, forged keys")
    Stream<DynamicTest> activationLink() {
        return each(HostileInputs.ALL, input -> answer("activation link " + input, () -> http.send(
                get(realm.getBaseUrl() + "/login-actions/action-token?key=" + query(input.value())).build(),
                HttpResponse.BodyHandlers.ofString())));
    }

    @TestFactory
    @DisplayName("The invitation link and its acceptance form, forged keys")
    Stream<DynamicTest> invitationLink() {
        Stream<DynamicTest> links = each(HostileInputs.ALL, input -> answer("invitation link " + input,
                () -> PortalHttp.anonymous(realm.getBaseUrl()).get(portal() + "invitation?key=" + query(input.value()))));
        Stream<DynamicTest> accepts = each(HostileInputs.ALL, input -> {
            PortalHttp chloe = people.chloe();
            answer("invitation acceptance " + input, () -> chloe.post(portal() + "invitation",
                    Map.of("key", input.value(), "csrf", people.chloeCsrf())));
            assertNoHabilitation(CHLOE);
        });
        return Stream.concat(links, accepts);
    }

    @TestFactory
    @DisplayName("The sign-up form, every field")
    Stream<DynamicTest> signUp() {
        AtomicInteger person = new AtomicInteger();
        return SIGN_UP_FIELDS.stream().flatMap(field -> each(HostileInputs.ALL, input -> {
            String what = "sign-up " + field + " " + input;
            PortalHttp visitor = new PortalHttp(realm.getBaseUrl(), DEADLINE);
            HttpResponse<String> page = answer(what, () -> visitor.get(SignUpPage.url(realm.getBaseUrl())));
            SignUpPage.Form signUpForm = SignUpPage.Form.of(page.body());
            Map<String, String> form = SignUpPage.postedFields("hostile-" + person.incrementAndGet() + "@exemple.fr");
            form.put(field, input.value());
            int users = realm.admin().users().count();
            HttpResponse<String> answer = answer(what, () -> visitor.post(signUpForm.action(), signUpForm.with(form)));
            boolean refused = answer.body().contains("id=\"kc-register-form\"");
            if (refused) {
                assertEquals(users, realm.admin().users().count(), what + ": refused, yet an account was stored");
            }
            if (SIGN_UP_TEXT.contains(field) && input.mustBeRefusedAsText()) {
                assertTrue(refused, what + ": accepted (" + answer.statusCode() + ")");
            }
        }));
    }

    @TestFactory
    @DisplayName("The attach page, SIRET and code")
    Stream<DynamicTest> attach() {
        return Stream.of("siret", "code").flatMap(field -> each(HostileInputs.ALL, input -> {
            String what = "attach " + field + " " + input;
            HttpAttachSession applicant = new HttpAttachSession(new PortalHttp(realm.getBaseUrl(), DEADLINE),
                    realm.getBaseUrl()).signIn(APPLICANT, Applicant.PASSWORD);
            String siret = field.equals("siret") ? input.value() : ACADEMIE;
            String code = field.equals("code") ? input.value() : "ABCD-EFGH-JKLM-NPQR";
            HttpResponse<String> answer = answer(what, () -> applicant.attach(siret, code));
            assertFalse(HttpAttachSession.isCodeForTheApplication(answer), what + ": attached");
            assertNoHabilitation(APPLICANT);
        }));
    }

    @TestFactory
    @DisplayName("The agents' API: registration fields, centre and code paths, search")
    Stream<DynamicTest> agentsApi() {
        // Values no reference may hold come first: the first value the API keeps registers the centre for good.
        List<Input> refusedFirst = new ArrayList<>(HostileInputs.ALL);
        refusedFirst.sort((a, b) -> Boolean.compare(b.mustBeRefusedAsText(), a.mustBeRefusedAsText()));
        Stream<DynamicTest> registrations = CENTRE_FIELDS.stream().flatMap(field -> each(refusedFirst, input -> {
            String what = "register centre " + field + " " + input;
            Map<String, Object> centre = new LinkedHashMap<>();
            centre.put("siret", FREE_CENTRE);
            centre.put("referenceAgrement", "AGR-11-2026-0001");
            centre.put("sitesLies", List.of());
            centre.put(field, field.equals("sitesLies") ? List.of(input.value()) : input.value());
            int centres = centreCount();
            HttpResponse<String> answer = answer(what, () -> agents("POST", "",
                    HttpRequest.BodyPublishers.ofString(json(centre)), "application/json"));
            if (answer.statusCode() != 201) {
                assertEquals(centres, centreCount(), what + ": refused, yet a centre was stored");
            }
            if (field.equals("referenceAgrement") && input.mustBeRefusedAsText()) {
                assertTrue(answer.statusCode() / 100 == 4, what + ": accepted " + answer.body());
            }
        }));
        Stream<DynamicTest> paths = each(HostileInputs.ALL, input -> answer("centre " + input,
                () -> agents("GET", "/" + path(input.value()), HttpRequest.BodyPublishers.noBody(), null)));
        Stream<DynamicTest> codes = each(HostileInputs.ALL, input -> answer("code of " + input,
                () -> agents("POST", "/" + path(input.value()) + "/code", HttpRequest.BodyPublishers.noBody(), null)));
        Stream<DynamicTest> searches = each(HostileInputs.ALL, input -> answer("search " + input,
                () -> agents("GET", "?search=" + query(input.value()), HttpRequest.BodyPublishers.noBody(), null)));
        return Stream.of(registrations, paths, codes, searches, forgedApiRequests()).flatMap(s -> s);
    }

    /** Bodies, content types and credentials an agent's client never sends. */
    private Stream<DynamicTest> forgedApiRequests() {
        Map<String, HostileAnswers.Exchange<String>> forged = new LinkedHashMap<>();
        String valid = "{\"siret\":\"" + FREE_CENTRE + "\",\"referenceAgrement\":\"AGR\"}";
        forged.put("malformed JSON", () -> agents("POST", "", HttpRequest.BodyPublishers.ofString("{\"siret\":"), "application/json"));
        forged.put("JSON array", () -> agents("POST", "", HttpRequest.BodyPublishers.ofString("[]"), "application/json"));
        forged.put("JSON null", () -> agents("POST", "", HttpRequest.BodyPublishers.ofString("null"), "application/json"));
        forged.put("numbers for text", () -> agents("POST", "", HttpRequest.BodyPublishers.ofString(
                "{\"siret\":41823967900016,\"referenceAgrement\":1e309,\"sitesLies\":{}}"), "application/json"));
        forged.put("deep nesting", () -> agents("POST", "", HttpRequest.BodyPublishers.ofString(
                "[".repeat(100_000) + "]".repeat(100_000)), "application/json"));
        forged.put("5 MB body", () -> agents("POST", "", HttpRequest.BodyPublishers.ofString(
                "{\"siret\":\"" + FREE_CENTRE + "\",\"referenceAgrement\":\"" + "A".repeat(5_000_000) + "\"}"), "application/json"));
        forged.put("XML", () -> agents("POST", "", HttpRequest.BodyPublishers.ofString(
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"), "application/xml"));
        forged.put("form", () -> agents("POST", "", HttpRequest.BodyPublishers.ofString("siret=" + FREE_CENTRE),
                "application/x-www-form-urlencoded"));
        forged.put("no content type", () -> agents("POST", "", HttpRequest.BodyPublishers.ofString(valid), null));
        forged.put("no token", () -> http.send(get(agentsUrl("")).build(), HttpResponse.BodyHandlers.ofString()));
        forged.put("tampered token", () -> http.send(get(agentsUrl("")).header("Authorization", "Bearer "
                + tampered(agentToken())).build(), HttpResponse.BodyHandlers.ofString()));
        forged.put("unsigned token", () -> http.send(get(agentsUrl("")).header("Authorization", "Bearer "
                + unsigned(agentToken())).build(), HttpResponse.BodyHandlers.ofString()));
        forged.put("basic credentials", () -> http.send(get(agentsUrl("")).header("Authorization",
                "Basic YWRtaW46YWRtaW4=").build(), HttpResponse.BodyHandlers.ofString()));
        assertEquals(FORGED_API_REQUESTS, forged.size());
        return forged.entrySet().stream().map(request -> DynamicTest.dynamicTest(request.getKey(), () -> {
            int centres = centreCount();
            HttpResponse<String> answer = answer(request.getKey(), request.getValue());
            if (answer.statusCode() != 201) {
                assertEquals(centres, centreCount(), request.getKey() + ": refused, yet a centre was stored");
            }
        }));
    }

    @TestFactory
    @DisplayName("The agents' CSV import: formulas, byte order marks, controls, too many rows")
    Stream<DynamicTest> centreImport() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String header = "siret;reference_agrement;sites_lies\n";
        files.put("formulas", utf8(header + "=1+1;=HYPERLINK(\"https://evil.example\");@SUM(1)\n"
                + FREE_CENTRE + ";=cmd|' /C calc'!A0;\n"));
        files.put("byte order mark twice", utf8("\uFEFF\uFEFF" + header + FREE_CENTRE + ";AGR\n"));
        files.put("NUL and controls", utf8(header + FREE_CENTRE + ";AGR\u0000\u001b\u0085;\n"));
        files.put("bidirectional override", utf8(header + FREE_CENTRE + ";AGR\u202E1000;\n"));
        files.put("5,001 rows", utf8(header + (FREE_CENTRE + ";AGR\n").repeat(5001)));
        files.put("unclosed quote", utf8(header + "\"" + FREE_CENTRE + ";AGR\n"));
        files.put("Latin-1 bytes", header.concat(FREE_CENTRE + ";AGR\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        files.put("binary", new byte[] {0, (byte) 0xff, (byte) 0xfe, 0x50, 0x4b, 3, 4, 0, 0});
        files.put("3 MB", utf8(header + FREE_CENTRE + ";" + "A".repeat(3 * 1024 * 1024) + "\n"));
        assertEquals(CSV_FILES, files.size());
        return files.entrySet().stream().map(file -> DynamicTest.dynamicTest(file.getKey(), () -> {
            String what = "CSV " + file.getKey();
            int centres = centreCount();
                HttpResponse<byte[]> answer = answer(what, () -> importCsv(file.getValue()));
            if (answer.statusCode() / 100 != 2) {
                assertEquals(centres, centreCount(), what + ": refused, yet a centre was stored");
                return;
            }
            String report = report(answer.body());
            for (String cell : report.split("[;\n]")) {
                String text = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertFalse(!text.isEmpty() && "=+@".indexOf(text.charAt(0)) >= 0,
                        what + ": the report carries a formula: " + report);
            }
        }));
    }

    @TestFactory
    @DisplayName("A gestionnaire's access page: invitations, people search, other centres, other ids, reasons, CSRF")
    Stream<DynamicTest> accessPage() {
        Stream<DynamicTest> invites = INVITE_FIELDS.stream().flatMap(field -> each(HostileInputs.ALL, input -> {
            String what = "invite " + field + " " + input;
            Map<String, String> form = invitation(people.aliceCsrf(), "collegue@academie.fr");
            form.put(field, input.value());
            if (field.equals("utilisateur")) {
                form.put("mode", "compte");
            }
            int invitations = rows(AccessPageRows.INVITATION);
            HttpResponse<String> answer = answer(what, () -> people.alice().post(accessPage(ACADEMIE) + "/inviter", form));
            if (!answer.headers().firstValue("Location").orElse("").endsWith("notice=invitation-envoyee")) {
                assertEquals(invitations, rows(AccessPageRows.INVITATION), what + ": refused, yet an invitation was stored");
            }
        }));
        Stream<DynamicTest> centres = each(HostileInputs.ALL, input -> answer("access page " + input,
                () -> people.alice().get(portal() + "acces/" + path(input.value()))));
        Stream<DynamicTest> searches = each(HostileInputs.ALL, input -> answer("people search " + input,
                () -> people.alice().getJson(accessPage(ACADEMIE) + "/personnes?q=" + query(input.value()))));
        Stream<DynamicTest> ids = ID_ACTIONS.stream().flatMap(action -> each(HostileInputs.ALL, input -> {
            String what = action.formatted("…") + " " + input;
            answer(what, () -> people.alice().post(accessPage(ACADEMIE) + "/" + action.formatted(path(input.value())),
                    Map.of("csrf", people.aliceCsrf(), "role", "gestionnaire", "siret", ACADEMIE, "motif", "non")));
            assertPending();
        }));
        // Values no reason may hold come first: the first value the page takes decides the request for good.
        List<Input> refusedFirst = new ArrayList<>(HostileInputs.ALL);
        refusedFirst.sort((a, b) -> Boolean.compare(b.mustBeRefusedInTextBox(), a.mustBeRefusedInTextBox()));
        Stream<DynamicTest> reasons = each(refusedFirst, input -> {
            String what = "refusal reason " + input;
            boolean pending = rows(AccessPageRows.REQUEST) > 0;
            answer(what, () -> people.alice().post(accessPage(ACADEMIE) + "/demandes/" + people.requestId() + "/refuser",
                    Map.of("csrf", people.aliceCsrf(), "motif", input.value())));
            if (pending && input.mustBeRefusedInTextBox()) {
                assertEquals(1, rows(AccessPageRows.REQUEST), what + ": the request was decided with it");
            }
        });
        Stream<DynamicTest> forgedCsrf = Stream.of("", "forged-" + people.aliceCsrf(), people.chloeCsrf())
                .map(csrf -> DynamicTest.dynamicTest("CSRF " + (csrf.isEmpty() ? "missing" : csrf.substring(0, 6)), () -> {
                    int invitations = rows(AccessPageRows.INVITATION);
                    answer("forged CSRF", () -> people.alice().post(accessPage(ACADEMIE) + "/inviter",
                            invitation(csrf, "forge@academie.fr")));
                    assertEquals(invitations, rows(AccessPageRows.INVITATION), "forged CSRF: an invitation was stored");
                }));
        return Stream.of(invites, centres, searches, ids, forgedCsrf, reasons).flatMap(s -> s);
    }

    @TestFactory
    @DisplayName("« Demander l'accès », centre field")
    Stream<DynamicTest> accessRequest() {
        return each(HostileInputs.ALL, input -> {
            String what = "access request " + input;
            answer(what, () -> people.chloe().post(portal() + "demande",
                    Map.of("csrf", people.chloeCsrf(), "centre", input.value())));
            assertNoHabilitation(CHLOE);
        });
    }

    @TestFactory
    @DisplayName("The agents' page, file names")
    Stream<DynamicTest> agentPage() {
        return each(HostileInputs.ALL, input -> answer("agents' page " + input, () -> http.send(
                get(realm.getBaseUrl() + "/ceres-agent/" + path(input.value())).build(),
                HttpResponse.BodyHandlers.ofString())));
    }

    /** One dynamic test per input, named after it. */
    private static Stream<DynamicTest> each(List<Input> inputs, Check check) {
        return inputs.stream().map(input -> DynamicTest.dynamicTest(input.name(), () -> check.run(input)));
    }

    @FunctionalInterface
    private interface Check {
        void run(Input input) throws Exception;
    }

    /** Neither the invitation nor the request was touched by a forged request, nor anyone's habilitation. */
    private void assertPending() throws IOException, InterruptedException {
        String page = people.alice().get(accessPage(ACADEMIE)).body();
        assertTrue(page.contains("ceres-access-invitation-" + people.invitationId()), "the invitation is still pending");
        assertEquals(people.habilitations(), AccessPageRows.HABILITATION.matcher(page).results().count(), "habilitations unchanged");
        String other = people.denis().get(accessPage(VAL_DE_LOIRE)).body();
        assertTrue(other.contains("ceres-access-invitation-" + people.otherInvitationId()),
                "another centre's invitation is untouched");
    }

    private void assertNoHabilitation(String email) {
        String id = realm.admin().users().searchByEmail(email, true).get(0).getId();
        for (OrganizationRepresentation centre : realm.admin().organizations().getAll()) {
            assertFalse(realm.admin().organizations().get(centre.getId()).members().getAll().stream()
                    .anyMatch(member -> member.getId().equals(id)), email + " became a member of " + centre.getName());
        }
    }

    /** Rows of the given kind on Alice's access page. */
    private int rows(Pattern row) throws IOException, InterruptedException {
        return (int) row.matcher(people.alice().get(accessPage(ACADEMIE)).body()).results().count();
    }

    private int centreCount() {
        return realm.admin().organizations().getAll().size();
    }

    private HttpResponse<String> agents(String method, String path, HttpRequest.BodyPublisher body, String type)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(agentsUrl(path))).timeout(DEADLINE)
                .header("Authorization", "Bearer " + agentToken()).method(method, body);
        if (type != null) {
            request.header("Content-Type", type);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> importCsv(byte[] file) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(agentsUrl("/import"))).timeout(DEADLINE)
                .header("Authorization", "Bearer " + agentToken())
                .header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The report of an import's answer: the archive's {@code rapport.csv}, or the JSON error as is. */
    private static String report(byte[] answer) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(answer))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("rapport.csv")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return new String(answer, StandardCharsets.UTF_8);
    }

    private String agentsUrl(String path) {
        return realm.getBaseUrl().replace("/realms/", "/admin/realms/") + "/ceres/centres" + path;
    }

    private String agentToken() {
        return admin.tokenManager().getAccessTokenString();
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(DEADLINE).GET();
    }

    private String portal() {
        return realm.getBaseUrl() + "/ceres-portal/";
    }

    private String accessPage(String centre) {
        return portal() + "acces/" + centre;
    }

    private static Map<String, String> invitation(String csrf, String email) {
        return InviteByEmail.form(csrf, email, "centre-agree", ACADEMIE);
    }

    /** The token with one character of its signature changed. */
    private static String tampered(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    /** The token's claims under an {@code alg: none} header, without signature. */
    private static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }

    private static String first(Pattern row, String page) {
        Matcher found = row.matcher(page);
        assertTrue(found.find(), "no row " + row + " in the page");
        return found.group(1);
    }

    private static String json(Map<String, Object> fields) throws IOException {
        return new ObjectMapper().writeValueAsString(fields);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A value as one path segment: every reserved character encoded, spaces as %20. */
    private static String path(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
