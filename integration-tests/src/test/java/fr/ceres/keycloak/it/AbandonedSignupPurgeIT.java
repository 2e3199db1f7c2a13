package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import fr.ceres.keycloak.it.support.ActivationLinkLifespan;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.SignUpPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * The purge of abandoned sign-ups (flow F1) removes only what nobody can miss: accounts made by the
 * sign-up page that never activated and hold nothing. The server runs the purge every 3 seconds
 * ({@link CeresServerConfig}); the realm's activation lifespan is shortened so accounts fall due at once.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
class AbandonedSignupPurgeIT {

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    /** The realm sends activation emails: it needs its SMTP server. */
    @InjectMailServer
    MailServer mailServer;

    @InjectWebDriver
    ManagedWebDriver browser;

    @Test
    @DisplayName("Given sign-ups past their activation time, then the one holding nothing is purged, while one verified by an administrator (even unverified again) and one holding a group membership are kept")
    void onlyUnclaimedSignupsArePurged() throws Exception {
        String abandoned = "abandon@cfa-exemple.fr";
        String verifiedByAdmin = "verifiee-admin@cfa-exemple.fr";
        String inAGroup = "membre-groupe@cfa-exemple.fr";
        for (String email : List.of(abandoned, verifiedByAdmin, inAGroup)) {
            SignUpPage page = new SignUpPage(browser.driver()).open(realm.getBaseUrl());
            page.fill(Applicant.valid(email));
            page.submit();
            assertTrue(page.heading().contains("Activez votre compte"), page.heading());
        }

        // Verified another way than the activation link, then (by mistake) unverified again.
        UserResource verified = account(verifiedByAdmin);
        UserRepresentation representation = verified.toRepresentation();
        representation.setEmailVerified(true);
        verified.update(representation);
        representation.setEmailVerified(false);
        verified.update(representation);

        GroupRepresentation group = new GroupRepresentation();
        group.setName("formateurs");
        realm.admin().groups().add(group).close();
        account(inAGroup).joinGroup(realm.admin().groups().groups("formateurs", 0, 1).get(0).getId());

        ActivationLinkLifespan.set(realm.admin(), 2);
        try {
            awaitRemoved(abandoned);
            // Two more runs of the purge, to be sure it saw the others too.
            Thread.sleep(7_000);
        } finally {
            ActivationLinkLifespan.set(realm.admin(), 86_400);
        }
        assertEquals(1, realm.admin().users().searchByEmail(verifiedByAdmin, true).size(), "verified once: a real account");
        assertEquals(1, realm.admin().users().searchByEmail(inAGroup, true).size(), "holds a group membership");
    }

    private UserResource account(String email) {
        List<UserRepresentation> found = realm.admin().users().searchByEmail(email, true);
        assertEquals(1, found.size(), email);
        return realm.admin().users().get(found.get(0).getId());
    }

    private void awaitRemoved(String email) throws InterruptedException {
        for (int i = 0; i < 100 && !realm.admin().users().searchByEmail(email, true).isEmpty(); i++) {
            Thread.sleep(200);
        }
        assertTrue(realm.admin().users().searchByEmail(email, true).isEmpty(), "purged after its lifespan");
    }
}
