package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import fr.ceres.keycloak.it.support.AccessPageRows;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.Gestionnaires;
import fr.ceres.keycloak.it.support.InviteByEmail;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.PortalAccounts;
import fr.ceres.keycloak.it.support.PortalHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Who may act on a centre, over plain HTTP: every page and endpoint of a centre's access page refuses
 * anybody signed out (sign-in, or 401 for the JSON), an ordinary user, a centre agréé user of the centre and a gestionnaire
 * of another centre (403), and a form of the centre's own gestionnaire without its CSRF token (403); and
 * none of those requests changes anything. The gestionnaires are made through flow F2 (code from the letter,
 * typed on the attach page).
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
class AccessAuthorizationIT {

    private static final String ACADEMIE = "41823967900016";
    private static final String GRENOBLE = "41823967900024";
    private static final String LILLE = "41823967900032";
    private static final String VAL_DE_LOIRE = "52047381000015";
    private static final String INVITEE = "invitee@exemple.fr";
    /** Asks for access to the centre (flow F7): an ordinary user of its company, holding nothing yet. */
    private static final String REQUESTER = "chloe@academie.fr";
    private static final String FORBIDDEN_TEXT = "Seuls les gestionnaires de ce centre peuvent gérer ses accès.";
    private static final String CSRF_TEXT = "Ce formulaire a expiré ou ne vient pas du portail : rien n&#39;a été modifié.";
    private static final String REQUEST_CSRF_TEXT = "Ce formulaire a expiré ou ne vient pas du portail : aucune demande n&#39;a été envoyée.";

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectAdminClient
    Keycloak admin;

    /** Made once: the realm lives as long as the class. */
    private static People people;
    /** Invitation and request emails received before the test (the mail server may start each test empty). */
    private int mailsBefore;
    private int requestMailsBefore;

    private record People(PortalHttp gestionnaire, PortalHttp agree, String agreeId, PortalHttp ordinary,
                          String ordinaryId, String ordinaryCsrf, PortalHttp otherGestionnaire, String invitationId, String requestId) {
    }

    @BeforeEach
    void people() throws Exception {
        if (people == null) {
            people = makePeople();
        }
        mailsBefore = new Mailbox(mailServer).to(INVITEE).size();
        requestMailsBefore = new Mailbox(mailServer).to("alice@academie.fr").size();
    }

    private People makePeople() throws Exception {
        Gestionnaires gestionnaires = new Gestionnaires(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString());
        gestionnaires.register(ACADEMIE, List.of(GRENOBLE, LILLE));
        gestionnaires.register(VAL_DE_LOIRE, List.of());
        PortalAccounts.create(realm, "alice@academie.fr", "Alice", "Martin", ACADEMIE);
        String agreeId = PortalAccounts.create(realm, "bruno@academie.fr", "Bruno", "Petit", GRENOBLE);
        String ordinaryId = PortalAccounts.create(realm, REQUESTER, "Chloé", "Roux", ACADEMIE);
        PortalAccounts.create(realm, "denis@valdeloire.fr", "Denis", "Morel", VAL_DE_LOIRE);
        gestionnaires.attach("alice@academie.fr", ACADEMIE);
        gestionnaires.attach("bruno@academie.fr", ACADEMIE);
        gestionnaires.attach("denis@valdeloire.fr", VAL_DE_LOIRE);

        PortalHttp alice = new PortalHttp(realm.getBaseUrl()).signIn("alice@academie.fr", Applicant.PASSWORD);
        String csrf = PortalHttp.csrfOf(alice.get(page()).body());
        // Bruno becomes the centre agréé user of the Grenoble site, through the page's own form.
        HttpResponse<String> changed = alice.post(page() + "/habilitations/modifier", Map.of("csrf", csrf,
                "personne", agreeId, "siret", ACADEMIE, "role", "gestionnaire",
                "nouveauSiret", GRENOBLE, "nouveauRole", "centre-agree"));
        assertEquals(303, changed.statusCode(), changed.body());
        assertTrue(location(changed).endsWith("?notice=habilitation-modifiee"), location(changed));
        HttpResponse<String> invited = alice.post(page() + "/inviter", invitation(csrf));
        assertEquals(303, invited.statusCode(), invited.body());
        assertTrue(location(invited).endsWith("?notice=invitation-envoyee"), location(invited));
        new Mailbox(mailServer).awaitMessage(INVITEE, 1);
        Matcher row = AccessPageRows.INVITATION.matcher(alice.get(page()).body());
        assertTrue(row.find(), "the invitation is listed");

        // Chloé asks for access from her portal page, through its own form.
        PortalHttp chloe = new PortalHttp(realm.getBaseUrl()).signIn(REQUESTER, Applicant.PASSWORD);
        // Kept: once her request is pending, her portal page has no form left to read the token from.
        String chloeCsrf = PortalHttp.csrfOf(chloe.get(portal()).body());
        HttpResponse<String> asked = chloe.post(portal() + "demande", Map.of("csrf", chloeCsrf, "centre", ACADEMIE));
        assertEquals(303, asked.statusCode(), asked.body());
        assertTrue(location(asked).endsWith("?notice=demande-envoyee"), location(asked));
        new Mailbox(mailServer).awaitMessage("alice@academie.fr", 1);
        Matcher request = AccessPageRows.REQUEST.matcher(alice.get(page()).body());
        assertTrue(request.find(), "the request is listed");

        return new People(alice,
                new PortalHttp(realm.getBaseUrl()).signIn("bruno@academie.fr", Applicant.PASSWORD), agreeId,
                chloe, ordinaryId, chloeCsrf,
                new PortalHttp(realm.getBaseUrl()).signIn("denis@valdeloire.fr", Applicant.PASSWORD),
                row.group(1), request.group(1));
    }

    @Test
    @DisplayName("Given the centre's gestionnaire, then every page and the JSON endpoint answer, never cached")
    void gestionnaireIsLetIn() throws Exception {
        for (String url : List.of(page(), page() + "/inviter")) {
            HttpResponse<String> answer = people.gestionnaire().get(url);
            assertEquals(200, answer.statusCode(), url + ": " + answer.body());
            assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""), url);
        }
        HttpResponse<String> json = people.gestionnaire().getJson(page() + "/personnes?q=Roux");
        assertEquals(200, json.statusCode(), json.body());
        assertTrue(json.body().contains("\"email\":\"chloe@academie.fr\""), json.body());
        String accessPage = people.gestionnaire().get(page()).body();
        assertTrue(accessPage.contains("bruno@academie.fr"), "the centre agréé user is listed");
        assertTrue(accessPage.contains(INVITEE), "the pending invitation is listed");
    }

    @Test
    @DisplayName("Given nobody signed in, then the pages send to sign-in with ceres-portal back to themselves, the JSON answers 401, the forms send to sign-in back to the access page")
    void anonymousIsSentToSignIn() throws Exception {
        PortalHttp anonymous = PortalHttp.anonymous(realm.getBaseUrl());
        for (String url : List.of(page(), page() + "/inviter")) {
            HttpResponse<String> answer = anonymous.get(url);
            assertEquals(303, answer.statusCode(), url);
            assertSignIn(location(answer), url);
        }
        HttpResponse<String> json = anonymous.getJson(page() + "/personnes?q=Roux");
        assertEquals(401, json.statusCode(), json.body());
        assertFalse(json.body().contains("chloe"), json.body());
        for (Map.Entry<String, Map<String, String>> form : forms("anything").entrySet()) {
            HttpResponse<String> answer = anonymous.post(form.getKey(), form.getValue());
            assertEquals(303, answer.statusCode(), form.getKey());
            assertSignIn(location(answer), page());
        }
        assertNothingChanged();
    }

    @Test
    @DisplayName("Given an ordinary user, a centre agréé user of the centre, a gestionnaire of another centre, then 403 on every page, endpoint and form, even with their own CSRF token")
    void othersAreForbidden() throws Exception {
        String otherCsrf = PortalHttp.csrfOf(people.otherGestionnaire().get(realm.getBaseUrl()
                + "/ceres-portal/acces/" + VAL_DE_LOIRE).body());
        Map<String, PortalHttp> others = new LinkedHashMap<>();
        others.put("ordinary user", people.ordinary());
        others.put("centre agréé user of the centre", people.agree());
        others.put("gestionnaire of another centre", people.otherGestionnaire());
        for (Map.Entry<String, PortalHttp> other : others.entrySet()) {
            String who = other.getKey();
            for (String url : List.of(page(), page() + "/inviter")) {
                HttpResponse<String> answer = other.getValue().get(url);
                assertEquals(403, answer.statusCode(), who + " " + url);
                assertTrue(answer.body().contains(FORBIDDEN_TEXT), who + " " + url + ": " + answer.body());
                assertTrue(answer.body().contains("Accès refusé"), who + " " + url);
                assertFalse(answer.body().contains(INVITEE), who + " sees nothing of the centre");
            }
            HttpResponse<String> json = other.getValue().getJson(page() + "/personnes?q=Roux");
            assertEquals(403, json.statusCode(), who + ": " + json.body());
            assertFalse(json.body().contains("chloe"), json.body());
            for (Map.Entry<String, Map<String, String>> form : forms(otherCsrf).entrySet()) {
                HttpResponse<String> answer = other.getValue().post(form.getKey(), form.getValue());
                assertEquals(403, answer.statusCode(), who + " " + form.getKey());
                assertTrue(answer.body().contains(FORBIDDEN_TEXT), who + " " + form.getKey() + ": " + answer.body());
            }
        }
        assertNothingChanged();
    }

    @Test
    @DisplayName("Given the centre's gestionnaire, then a form without its CSRF token, or with another's, is refused (403) and changes nothing")
    void formsWithoutTheTokenAreRefused() throws Exception {
        String otherCsrf = PortalHttp.csrfOf(people.otherGestionnaire().get(realm.getBaseUrl()
                + "/ceres-portal/acces/" + VAL_DE_LOIRE).body());
        for (String csrf : List.of("", "forged-" + otherCsrf, otherCsrf)) {
            for (Map.Entry<String, Map<String, String>> form : forms(csrf).entrySet()) {
                HttpResponse<String> answer = people.gestionnaire().post(form.getKey(), form.getValue());
                assertEquals(403, answer.statusCode(), form.getKey());
                assertTrue(answer.body().contains(CSRF_TEXT), form.getKey() + ": " + answer.body());
            }
        }
        assertNothingChanged();
    }

    @Test
    @DisplayName("Given « Demander l'accès » from the portal page, then nobody signed in is sent to sign in, a missing or forged token gets 403, and asking twice, another company's centre or one's own centre asks nothing")
    void accessRequestForm() throws Exception {
        HttpResponse<String> anonymous = PortalHttp.anonymous(realm.getBaseUrl()).post(portal() + "demande",
                Map.of("csrf", "anything", "centre", ACADEMIE));
        assertEquals(303, anonymous.statusCode());
        assertSignIn(location(anonymous), portal());

        String chloeCsrf = people.ordinaryCsrf();
        String otherCsrf = PortalHttp.csrfOf(people.otherGestionnaire().get(realm.getBaseUrl()
                + "/ceres-portal/acces/" + VAL_DE_LOIRE).body());
        for (String csrf : List.of("", "forged-" + chloeCsrf, otherCsrf)) {
            HttpResponse<String> answer = people.ordinary().post(portal() + "demande", Map.of("csrf", csrf, "centre", ACADEMIE));
            assertEquals(403, answer.statusCode(), csrf);
            assertTrue(answer.body().contains(REQUEST_CSRF_TEXT), answer.body());
        }

        Map<String, PortalHttp> askers = new LinkedHashMap<>();
        // Her request is pending: the same form again.
        askers.put("demande-en-attente", people.ordinary());
        // Another company's person, and the centre's own gestionnaire: neither may ask for this centre.
        askers.put("demande-impossible", people.otherGestionnaire());
        for (Map.Entry<String, PortalHttp> asker : askers.entrySet()) {
            HttpResponse<String> answer = asker.getValue().post(portal() + "demande", Map.of("csrf",
                    asker.getValue() == people.ordinary() ? chloeCsrf : otherCsrf, "centre", ACADEMIE));
            assertEquals(303, answer.statusCode(), asker.getKey());
            assertTrue(location(answer).endsWith("?notice=" + asker.getKey()), location(answer));
        }
        String aliceCsrf = PortalHttp.csrfOf(people.gestionnaire().get(page()).body());
        HttpResponse<String> own = people.gestionnaire().post(portal() + "demande", Map.of("csrf", aliceCsrf, "centre", ACADEMIE));
        assertTrue(location(own).endsWith("?notice=demande-impossible"), location(own));
        assertFalse(people.otherGestionnaire().get(portal()).body().contains("ceres-portal-request-" + ACADEMIE),
                "another company's centre is never offered");
        assertNothingChanged();
    }

    /** Every form of the centre, filled as the gestionnaire would, with the given CSRF token. */
    private Map<String, Map<String, String>> forms(String csrf) {
        String invitation = page() + "/invitations/" + people.invitationId();
        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        Map<String, String> invite = new LinkedHashMap<>(invitation(csrf));
        invite.put("email", "intrus@exemple.fr");
        forms.put(page() + "/inviter", invite);
        forms.put(invitation + "/renvoyer", Map.of("csrf", csrf));
        forms.put(invitation + "/annuler", Map.of("csrf", csrf));
        forms.put(page() + "/habilitations/modifier", Map.of("csrf", csrf, "personne", people.agreeId(),
                "siret", GRENOBLE, "role", "centre-agree", "nouveauSiret", LILLE, "nouveauRole", "gestionnaire"));
        forms.put(page() + "/habilitations/retirer", Map.of("csrf", csrf, "personne", people.agreeId(),
                "siret", GRENOBLE, "role", "centre-agree"));
        String request = page() + "/demandes/" + people.requestId();
        forms.put(request + "/accepter", Map.of("csrf", csrf, "role", "gestionnaire", "siret", ACADEMIE));
        forms.put(request + "/refuser", Map.of("csrf", csrf, "motif", "non"));
        return forms;
    }

    private static Map<String, String> invitation(String csrf) {
        return InviteByEmail.form(csrf, INVITEE, "centre-agree", ACADEMIE);
    }

    /**
     * The invitation is still pending and was not mailed again, Bruno is still centre agréé of Grenoble, nobody
     * else was invited; Chloé's request is still pending, undecided and not asked again, and she holds nothing.
     */
    private void assertNothingChanged() throws Exception {
        String accessPage = people.gestionnaire().get(page()).body();
        assertTrue(accessPage.contains("id=\"ceres-access-request-" + people.requestId() + "\""), "request still pending");
        assertEquals(1, AccessPageRows.REQUEST.matcher(accessPage).results().count(), "no other request");
        assertFalse(accessPage.contains("ceres-access-habilitation-" + people.ordinaryId()), "Chloé got nothing");
        assertTrue(new Mailbox(mailServer).to(REQUESTER).isEmpty(), "no decision sent to Chloé");
        assertEquals(requestMailsBefore, new Mailbox(mailServer).to("alice@academie.fr").size(), "no request sent again");
        assertTrue(accessPage.contains("id=\"ceres-access-invitation-" + people.invitationId() + "\""), "still pending");
        assertTrue(accessPage.contains("id=\"ceres-access-habilitation-" + people.agreeId() + "-" + GRENOBLE + "-centre-agree\""),
                "Bruno keeps his habilitation");
        assertFalse(accessPage.contains(people.agreeId() + "-" + LILLE), "Bruno got nothing on Lille");
        assertFalse(accessPage.contains("intrus@exemple.fr"), "nobody else invited");
        Mailbox mailbox = new Mailbox(mailServer);
        assertEquals(mailsBefore, mailbox.to(INVITEE).size(), "the invitation was not sent again");
        assertTrue(mailbox.to("intrus@exemple.fr").isEmpty());
    }

    private void assertSignIn(String location, String backTo) {
        assertTrue(location.startsWith(realm.getBaseUrl() + "/protocol/openid-connect/auth?"), location);
        assertTrue(location.contains("client_id=ceres-portal"), location);
        assertTrue(location.contains("redirect_uri=" + URLEncoder.encode(backTo, StandardCharsets.UTF_8)), location);
    }

    private String page() {
        return realm.getBaseUrl() + "/ceres-portal/acces/" + ACADEMIE;
    }

    private String portal() {
        return realm.getBaseUrl() + "/ceres-portal/";
    }

    private static String location(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElse("");
    }
}
