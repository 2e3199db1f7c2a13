package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ceres.keycloak.it.support.AccessPageRows;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CentreLetters;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.Gestionnaires;
import fr.ceres.keycloak.it.support.InviteByEmail;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.PortalAccounts;
import fr.ceres.keycloak.it.support.PortalHttp;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Removing a centre, as an administrator does by deleting its Organization (admin console or admin API): nothing
 * of it is left in the bundle's tables. A centre with its gestionnaire, a pending invitation and a pending access
 * request is removed; the agents' API no longer knows it and the invitation's link gets the French invalid-link
 * page. Registered again, the same SIRET starts clean: no code, no gestionnaire, its new code redeemed, nothing of
 * the old centre on the new gestionnaire's access page, the old link still invalid, and the person who had asked
 * may ask again. Removing a person's account likewise takes their pending access request off the centre's page.
 * Plain HTTP, no browser. The order matters: each test goes on from the one before.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CentreRemovalIT {

    private static final String ACADEMIE = "41823967900016";
    private static final String ALICE = "alice@academie.fr";
    private static final String CHLOE = "chloe@academie.fr";
    private static final String INVITEE = "nouveau@academie.fr";

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectAdminClient
    Keycloak admin;

    /** The invitation link sent before the centre was removed. */
    private static String oldLink;

    @Test
    @Order(1)
    @DisplayName("Given a centre with its gestionnaire, a pending invitation and a pending access request, when its Organization is deleted through the admin API, then the agents' API knows no such centre and the invitation's link gets the French invalid-link page (400)")
    void removedCentreLeavesNothing() throws Exception {
        gestionnaires().register(ACADEMIE, List.of());
        PortalAccounts.create(realm, ALICE, "Alice", "Martin", ACADEMIE);
        PortalAccounts.create(realm, CHLOE, "Chloé", "Roux", ACADEMIE);
        gestionnaires().attach(ALICE, ACADEMIE);

        PortalHttp alice = new PortalHttp(realm.getBaseUrl()).signIn(ALICE, Applicant.PASSWORD);
        HttpResponse<String> invited = alice.post(accessPage() + "/inviter",
                InviteByEmail.form(PortalHttp.csrfOf(alice.get(accessPage()).body()), INVITEE, "centre-agree", ACADEMIE));
        assertEquals(303, invited.statusCode(), invited.body());
        oldLink = new Mailbox(mailServer).awaitMessage(INVITEE, 1).invitationLink();
        assertEquals(303, openedAnonymously(oldLink).statusCode(), "the link is live: on to sign-up");

        PortalHttp chloe = new PortalHttp(realm.getBaseUrl()).signIn(CHLOE, Applicant.PASSWORD);
        HttpResponse<String> asked = chloe.post(portal() + "demande",
                Map.of("csrf", PortalHttp.csrfOf(chloe.get(portal()).body()), "centre", ACADEMIE));
        assertEquals(303, asked.statusCode(), asked.body());
        String page = alice.get(accessPage()).body();
        assertTrue(AccessPageRows.INVITATION.matcher(page).find(), "the invitation is pending");
        assertTrue(AccessPageRows.REQUEST.matcher(page).find(), "the request is pending");
        assertEquals("actif", letters().centre(ACADEMIE).get("etat").asText());

        try (Response removed = realm.admin().organizations().get(organizationId()).delete()) {
            assertEquals(204, removed.getStatus());
        }

        assertEquals(Optional.empty(), letters().find(ACADEMIE));
        assertInvalid(openedAnonymously(oldLink));
    }

    @Test
    @Order(2)
    @DisplayName("Given the removed centre's SIRET registered again, then it has no code and no gestionnaire, its new code is redeemed, the new gestionnaire's access page lists nothing of the old centre, the old link stays invalid and the person who had asked may ask again")
    void sameSiretStartsClean() throws Exception {
        assertTrue(gestionnaires().register(ACADEMIE, List.of()), "registered anew, not found already there");
        JsonNode registered = letters().centre(ACADEMIE);
        assertEquals("sans-code", registered.get("etat").asText(), registered.toString());
        assertEquals(0, registered.get("gestionnaires").asLong(), registered.toString());
        assertFalse(registered.has("alerteTentatives"), registered.toString());

        // Alice lost her habilitation with the old centre: she redeems the new centre's code.
        gestionnaires().attach(ALICE, ACADEMIE);
        assertEquals("actif", letters().centre(ACADEMIE).get("etat").asText());
        assertEquals(1, letters().centre(ACADEMIE).get("gestionnaires").asLong());

        String page = new PortalHttp(realm.getBaseUrl()).signIn(ALICE, Applicant.PASSWORD).get(accessPage()).body();
        assertFalse(AccessPageRows.INVITATION.matcher(page).find(), "no invitation of the old centre");
        assertFalse(AccessPageRows.REQUEST.matcher(page).find(), "no request of the old centre");
        assertInvalid(openedAnonymously(oldLink));

        String chloePortal = new PortalHttp(realm.getBaseUrl()).signIn(CHLOE, Applicant.PASSWORD).get(portal()).body();
        assertTrue(chloePortal.contains("id=\"ceres-portal-request-ask-" + ACADEMIE + "\""),
                "Chloé's old request is gone: she may ask the new centre");
    }

    @Test
    @Order(3)
    @DisplayName("Given a person's pending access request, when their account is deleted through the admin API, then the centre's access page no longer lists it")
    void removedPersonLeavesNoRequest() throws Exception {
        PortalHttp chloe = new PortalHttp(realm.getBaseUrl()).signIn(CHLOE, Applicant.PASSWORD);
        HttpResponse<String> asked = chloe.post(portal() + "demande",
                Map.of("csrf", PortalHttp.csrfOf(chloe.get(portal()).body()), "centre", ACADEMIE));
        assertEquals(303, asked.statusCode(), asked.body());
        PortalHttp alice = new PortalHttp(realm.getBaseUrl()).signIn(ALICE, Applicant.PASSWORD);
        assertTrue(AccessPageRows.REQUEST.matcher(alice.get(accessPage()).body()).find(), "the request is pending");

        String chloeId = realm.admin().users().searchByEmail(CHLOE, true).get(0).getId();
        try (Response removed = realm.admin().users().delete(chloeId)) {
            assertEquals(204, removed.getStatus());
        }

        assertFalse(AccessPageRows.REQUEST.matcher(alice.get(accessPage()).body()).find(),
                "no request left from a removed account");
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The link followed by someone signed in nowhere, up to the sign-in or sign-up it may lead to. */
    private HttpResponse<String> openedAnonymously(String link) throws Exception {
        PortalHttp visitor = PortalHttp.anonymous(realm.getBaseUrl());
        return visitor.follow(visitor.get(link), url -> url.contains("/protocol/openid-connect/"));
    }

    private static void assertInvalid(HttpResponse<String> answer) {
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("data-invitation-state=\"invalid\""), answer.body());
        assertTrue(answer.body().contains("est pas valide."), answer.body());
    }

    private Gestionnaires gestionnaires() {
        return new Gestionnaires(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString());
    }

    private CentreLetters letters() {
        return new CentreLetters(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString());
    }

    private String organizationId() {
        return realm.admin().organizations().getAll().stream()
                .filter(o -> ACADEMIE.equals(o.getAlias())).findFirst().orElseThrow().getId();
    }

    private String accessPage() {
        return realm.getBaseUrl() + "/ceres-portal/acces/" + ACADEMIE;
    }

    private String portal() {
        return realm.getBaseUrl() + "/ceres-portal/";
    }
}
