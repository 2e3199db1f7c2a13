package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.CeresSignIn;
import fr.ceres.keycloak.it.support.Gestionnaires;
import fr.ceres.keycloak.it.support.InviteByEmail;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.PortalAccounts;
import fr.ceres.keycloak.it.support.PortalHttp;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * A centre whose Organization an administrator disables (admin REST API) grants nothing while it is disabled: no
 * entry in {@code ceres_habilitations}, no access page nor invitation for its gestionnaires, no acceptance of its
 * pending invitations, nothing to ask; enabled again, everything is back as it was, nothing having been deleted.
 * Alice is gestionnaire of two centres, so that her sign-in to Ceres still has a habilitation to carry. The order
 * matters: the second test goes on from the first.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DisabledCentreIT {

    private static final String ACADEMIE = "41823967900016";
    private static final String GRENOBLE = "41823967900024";
    private static final String LILLE = "41823967900032";
    private static final String VAL_DE_LOIRE = "52047381000015";
    private static final String ALICE = "alice@academie.fr";
    private static final String INES = "ines@academie.fr";
    private static final String CHLOE = "chloe@academie.fr";
    private static final String NEWCOMER = "nouveau@academie.fr";
    private static final String FORBIDDEN_TEXT = "Seuls les gestionnaires de ce centre peuvent gérer ses accès.";
    private static final Pattern INVITATION_LINK = Pattern.compile("https?://\\S+/ceres-portal/invitation\\?key=\\S+");

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectAdminClient
    Keycloak admin;

    /** Made once: the realm lives as long as the class. */
    private static String inesLink;

    @BeforeEach
    void people() throws Exception {
        if (inesLink != null) {
            return;
        }
        Gestionnaires gestionnaires = new Gestionnaires(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString());
        gestionnaires.register(ACADEMIE, List.of(GRENOBLE));
        gestionnaires.register(VAL_DE_LOIRE, List.of());
        String aliceId = PortalAccounts.create(realm, ALICE, "Alice", "Martin", ACADEMIE);
        PortalAccounts.create(realm, INES, "Inès", "Garcia", GRENOBLE);
        PortalAccounts.create(realm, CHLOE, "Chloé", "Roux", LILLE);
        gestionnaires.attach(ALICE, ACADEMIE);
        alsoGestionnaireOf(VAL_DE_LOIRE, aliceId);
        PortalHttp alice = alice();
        HttpResponse<String> invited = alice.post(accessPage() + "/inviter",
                invitation(PortalHttp.csrfOf(alice.get(accessPage()).body()), INES));
        assertEquals(303, invited.statusCode(), invited.body());
        Matcher link = INVITATION_LINK.matcher(new Mailbox(mailServer).awaitMessage(INES, 1).text());
        assertTrue(link.find());
        inesLink = link.group();
    }

    @Test
    @Order(1)
    @DisplayName("Given the centre's Organization disabled, then no claim entry, no access page, no invitation, no acceptance, nothing to ask")
    void disabledCentreGrantsNothing() throws Exception {
        setEnabled(false);

        assertEquals(Set.of(entry(VAL_DE_LOIRE, "gestionnaire", VAL_DE_LOIRE)), habilitationsInToken(ALICE),
                "only the enabled centre's habilitation");

        PortalHttp alice = alice();
        String otherCsrf = PortalHttp.csrfOf(alice.get(realm.getBaseUrl() + "/ceres-portal/acces/" + VAL_DE_LOIRE).body());
        for (String url : List.of(accessPage(), accessPage() + "/inviter")) {
            HttpResponse<String> page = alice.get(url);
            assertEquals(403, page.statusCode(), url + ": " + page.body());
            assertTrue(page.body().contains(FORBIDDEN_TEXT), url + ": " + page.body());
        }
        HttpResponse<String> invited = alice.post(accessPage() + "/inviter", invitation(otherCsrf, NEWCOMER));
        assertEquals(403, invited.statusCode(), invited.body());
        assertTrue(new Mailbox(mailServer).to(NEWCOMER).isEmpty(), "nobody invited");
        assertFalse(alice.get(portal()).body().contains("/ceres-portal/acces/" + ACADEMIE), "no gear for the disabled centre");

        PortalHttp ines = new PortalHttp(realm.getBaseUrl()).signIn(INES, Applicant.PASSWORD);
        HttpResponse<String> confirm = ines.follow(ines.get(inesLink));
        HttpResponse<String> accepted = ines.follow(ines.post(realm.getBaseUrl() + "/ceres-portal/invitation",
                Map.of("key", keyOf(inesLink), "csrf", PortalHttp.csrfOf(confirm.body()))));
        assertEquals(400, accepted.statusCode(), accepted.body());
        assertTrue(accepted.body().contains("Lien d&#39;invitation inutilisable"), accepted.body());
        assertFalse(isMember(INES), "Inès holds nothing");

        String chloePortal = new PortalHttp(realm.getBaseUrl()).signIn(CHLOE, Applicant.PASSWORD).get(portal()).body();
        assertFalse(chloePortal.contains("ceres-portal-request-ask-" + ACADEMIE), "nothing to ask: " + chloePortal);
    }

    @Test
    @Order(2)
    @DisplayName("Given the centre's Organization enabled again, then the claim, the access page with its pending invitation, the acceptance and asking are back")
    void reEnabledCentreIsBackAsItWas() throws Exception {
        setEnabled(true);

        assertEquals(Set.of(entry(VAL_DE_LOIRE, "gestionnaire", VAL_DE_LOIRE), entry(ACADEMIE, "gestionnaire", ACADEMIE)),
                habilitationsInToken(ALICE));
        HttpResponse<String> page = alice().get(accessPage());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains(INES), "the invitation is still pending");

        PortalHttp ines = new PortalHttp(realm.getBaseUrl()).signIn(INES, Applicant.PASSWORD);
        HttpResponse<String> confirm = ines.follow(ines.get(inesLink));
        HttpResponse<String> accepted = ines.post(realm.getBaseUrl() + "/ceres-portal/invitation",
                Map.of("key", keyOf(inesLink), "csrf", PortalHttp.csrfOf(confirm.body())));
        assertEquals(303, accepted.statusCode(), accepted.body());
        assertTrue(isMember(INES), "Inès holds the habilitation");

        String chloePortal = new PortalHttp(realm.getBaseUrl()).signIn(CHLOE, Applicant.PASSWORD).get(portal()).body();
        assertTrue(chloePortal.contains("ceres-portal-request-ask-" + ACADEMIE), "Chloé may ask again");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void setEnabled(boolean enabled) {
        OrganizationResource centre = realm.admin().organizations().get(centreId());
        OrganizationRepresentation representation = centre.toRepresentation();
        representation.setEnabled(enabled);
        try (Response response = centre.update(representation)) {
            assertEquals(204, response.getStatus());
        }
    }

    private String centreId() {
        return organizationId(ACADEMIE);
    }

    private String organizationId(String siret) {
        return realm.admin().organizations().getAll().stream()
                .filter(o -> siret.equals(o.getAlias())).findFirst().orElseThrow().getId();
    }

    /**
     * A second habilitation, given as an administrator would in the admin console (the attach page only comes to
     * someone holding none): membership of the centre, and of its group for (SIRET, gestionnaire).
     */
    private void alsoGestionnaireOf(String siret, String userId) {
        OrganizationResource centre = realm.admin().organizations().get(organizationId(siret));
        centre.members().addMember(userId).close();
        GroupRepresentation group = new GroupRepresentation();
        group.setName("gestionnaire " + siret);
        group.setAttributes(Map.of("ceres.siret", List.of(siret), "ceres.role", List.of("gestionnaire")));
        try (Response response = centre.groups().addTopLevelGroup(group)) {
            centre.groups().group(CreatedResponseUtil.getCreatedId(response)).addMember(userId);
        }
    }

    private boolean isMember(String email) {
        return realm.admin().organizations().get(centreId()).members().getAll().stream()
                .anyMatch(m -> email.equals(m.getEmail()));
    }

    private Set<Map<String, String>> habilitationsInToken(String email) throws Exception {
        String clientUuid = realm.admin().clients().findByClientId("ceres").get(0).getId();
        String secret = realm.admin().clients().get(clientUuid).getSecret().getValue();
        JsonNode tokens = new CeresSignIn(browser.driver(), realm.getBaseUrl(), secret).signIn(email, Applicant.PASSWORD);
        JsonNode claim = CeresSignIn.claims(tokens.get("access_token").asText()).get("ceres_habilitations");
        Set<Map<String, String>> held = new HashSet<>();
        claim.forEach(h -> held.add(entry(h.get("siret").asText(), h.get("role").asText(), h.get("centre").asText())));
        return held;
    }

    private static Map<String, String> entry(String siret, String role, String centre) {
        return Map.of("siret", siret, "role", role, "centre", centre);
    }

    private PortalHttp alice() throws Exception {
        return new PortalHttp(realm.getBaseUrl()).signIn(ALICE, Applicant.PASSWORD);
    }

    private static Map<String, String> invitation(String csrf, String email) {
        return InviteByEmail.form(csrf, email, "centre-agree", GRENOBLE);
    }

    private static String keyOf(String link) {
        return link.substring(link.indexOf("key=") + 4);
    }

    private String accessPage() {
        return realm.getBaseUrl() + "/ceres-portal/acces/" + ACADEMIE;
    }

    private String portal() {
        return realm.getBaseUrl() + "/ceres-portal/";
    }
}
