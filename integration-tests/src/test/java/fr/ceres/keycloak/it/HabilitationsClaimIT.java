package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ceres.keycloak.it.support.ActivatedAccounts;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.CeresSignIn;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * Flow F6: Ceres signs a person in (authorization code + PKCE) and reads their habilitations from
 * the tokens. The habilitation is set up as an administrator would in the admin console's
 * Organizations pages: the centre, its group for (SIRET, role), the member.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
class HabilitationsClaimIT {

    private static final String CENTRE = "73282932000074";

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    /** The realm's SMTP settings are environment placeholders; the mail server supplies real ones. */
    @InjectMailServer
    MailServer mailServer;

    @InjectWebDriver
    ManagedWebDriver browser;

    @Test
    @DisplayName("Given a gestionnaire of a centre, then ID, access and userinfo tokens for ceres carry the habilitation and the organization")
    void tokensCarryHabilitations() throws Exception {
        String userId = ActivatedAccounts.create(realm, "gestion@cfa-exemple.fr");
        OrganizationResource centre = createCentre();
        centre.members().addMember(userId).close();
        String groupId = createGroup(centre, "gestionnaire " + CENTRE,
                Map.of("ceres.siret", List.of(CENTRE), "ceres.role", List.of("gestionnaire")));
        centre.groups().group(groupId).addMember(userId);

        JsonNode tokens = signIn("gestion@cfa-exemple.fr");

        JsonNode expected = new ObjectMapper().readTree(
                "[{\"siret\":\"" + CENTRE + "\",\"role\":\"gestionnaire\",\"centre\":\"" + CENTRE + "\"}]");
        JsonNode access = CeresSignIn.claims(tokens.get("access_token").asText());
        assertEquals(expected, access.get("ceres_habilitations"), access.toString());
        assertEquals(expected, CeresSignIn.claims(tokens.get("id_token").asText()).get("ceres_habilitations"));
        assertTrue(access.get("organization").toString().contains(CENTRE), "Keycloak's organization claim: " + access);
    }

    private JsonNode signIn(String email) throws Exception {
        String clientUuid = realm.admin().clients().findByClientId("ceres").get(0).getId();
        String secret = realm.admin().clients().get(clientUuid).getSecret().getValue();
        return new CeresSignIn(browser.driver(), realm.getBaseUrl(), secret).signIn(email, Applicant.PASSWORD);
    }

    private OrganizationResource createCentre() {
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setName("CENTRE DE FORMATION PROFESSIONNELLE LES TILLEULS");
        organization.setAlias(CENTRE);
        organization.setEnabled(true);
        try (Response response = realm.admin().organizations().create(organization)) {
            return realm.admin().organizations().get(CreatedResponseUtil.getCreatedId(response));
        }
    }

    private static String createGroup(OrganizationResource centre, String name, Map<String, List<String>> attributes) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        group.setAttributes(attributes);
        try (Response response = centre.groups().addTopLevelGroup(group)) {
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

}
