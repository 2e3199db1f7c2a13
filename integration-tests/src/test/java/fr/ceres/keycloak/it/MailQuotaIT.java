package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
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
import fr.ceres.keycloak.it.support.SignUpPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * The quotas of the emails portal users trigger, on a server started with small ones (three invitation emails per
 * centre a day, two access requests per person a day, one activation link sent again per sign-up): past the quota,
 * the same page says so in French, and no email goes.
 */
@KeycloakIntegrationTest(config = MailQuotaIT.SmallQuotas.class)
class MailQuotaIT {

    private static final String ACADEMIE = "41823967900016";
    private static final String GRENOBLE = "41823967900024";
    private static final String LILLE = "41823967900032";
    private static final String INVITATIONS_QUOTA = "Ce centre a atteint le nombre maximal d&#39;emails d&#39;invitation pour 24 heures";

    /** The bundle's server, with quotas small enough to reach. */
    public static final class SmallQuotas implements KeycloakServerConfig {
        @Override
        public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
            return new CeresServerConfig().configure(config)
                    .spiOption("jpa-entity-provider", "ceres-access", "invitations-per-centre-per-day", "3")
                    .spiOption("jpa-entity-provider", "ceres-access", "access-requests-per-person-per-day", "2")
                    .spiOption("form-action", "ceres-activation-link-resend", "resends-per-signup", "1");
        }
    }

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectAdminClient
    Keycloak admin;

    @InjectWebDriver
    ManagedWebDriver browser;

    @Test
    @DisplayName("Given a centre that sent its quota of invitation emails, then another invitation and a resend are refused on the page, and nothing is sent")
    void invitationsPerCentre() throws Exception {
        Gestionnaires gestionnaires = gestionnaires();
        gestionnaires.register(ACADEMIE, List.of());
        PortalAccounts.create(realm, "alice@academie.fr", "Alice", "Martin", ACADEMIE);
        gestionnaires.attach("alice@academie.fr", ACADEMIE);
        PortalHttp alice = new PortalHttp(realm.getBaseUrl()).signIn("alice@academie.fr", Applicant.PASSWORD);
        String page = realm.getBaseUrl() + "/ceres-portal/acces/" + ACADEMIE;
        String csrf = PortalHttp.csrfOf(alice.get(page).body());
        Mailbox mailbox = new Mailbox(mailServer);

        for (int i = 1; i <= 2; i++) {
            HttpResponse<String> invited = alice.post(page + "/inviter", invitation(csrf, "invite" + i + "@exemple.fr"));
            assertEquals(303, invited.statusCode(), invited.body());
            mailbox.awaitMessage("invite" + i + "@exemple.fr", 1);
        }
        Matcher row = AccessPageRows.INVITATION.matcher(alice.get(page).body());
        assertTrue(row.find());
        HttpResponse<String> resent = alice.post(page + "/invitations/" + row.group(1) + "/renvoyer", Map.of("csrf", csrf));
        assertEquals(303, resent.statusCode(), resent.body());
        assertTrue(location(resent).endsWith("?notice=invitation-renvoyee"), "the third email: " + location(resent));

        HttpResponse<String> fourth = alice.post(page + "/inviter", invitation(csrf, "invite4@exemple.fr"));
        assertEquals(200, fourth.statusCode(), fourth.body());
        assertTrue(fourth.body().contains(INVITATIONS_QUOTA), fourth.body());
        HttpResponse<String> resentAgain = alice.post(page + "/invitations/" + row.group(1) + "/renvoyer", Map.of("csrf", csrf));
        assertTrue(location(resentAgain).endsWith("?notice=quota-invitations"), location(resentAgain));
        assertTrue(alice.get(location(resentAgain)).body().contains(INVITATIONS_QUOTA));

        assertTrue(mailbox.to("invite4@exemple.fr").isEmpty(), "no fourth invitation");
        assertEquals(3, mailbox.to("invite1@exemple.fr").size() + mailbox.to("invite2@exemple.fr").size(),
                "two invitations and one resend, nothing more");
        assertEquals(2, AccessPageRows.INVITATION.matcher(alice.get(page).body()).results().count(), "nothing stored past the quota");
    }

    @Test
    @DisplayName("Given a person who sent their quota of access requests, then asking another centre is refused on the portal page, and its gestionnaire gets nothing")
    void requestsPerPerson() throws Exception {
        Gestionnaires gestionnaires = gestionnaires();
        Map<String, String> gestionnaireOf = Map.of(ACADEMIE, "gaston@academie.fr", GRENOBLE, "gina@academie.fr",
                LILLE, "gilles@academie.fr");
        for (Map.Entry<String, String> centre : gestionnaireOf.entrySet()) {
            gestionnaires.register(centre.getKey(), List.of());
            PortalAccounts.create(realm, centre.getValue(), "Gestion", "Naire", centre.getKey());
            gestionnaires.attach(centre.getValue(), centre.getKey());
        }
        PortalAccounts.create(realm, "chloe@academie.fr", "Chloé", "Roux", "41823967900040");
        PortalHttp chloe = new PortalHttp(realm.getBaseUrl()).signIn("chloe@academie.fr", Applicant.PASSWORD);
        String csrf = PortalHttp.csrfOf(chloe.get(portal()).body());
        Mailbox mailbox = new Mailbox(mailServer);

        for (String centre : List.of(ACADEMIE, GRENOBLE)) {
            HttpResponse<String> asked = chloe.post(portal() + "demande", Map.of("csrf", csrf, "centre", centre));
            assertTrue(location(asked).endsWith("?notice=demande-envoyee"), location(asked));
            mailbox.awaitMessage(gestionnaireOf.get(centre), 1);
        }
        HttpResponse<String> third = chloe.post(portal() + "demande", Map.of("csrf", csrf, "centre", LILLE));
        assertTrue(location(third).endsWith("?notice=demande-quota"), location(third));
        String shown = chloe.get(location(third)).body();
        assertTrue(shown.contains("Vous avez atteint le nombre maximal de demandes d&#39;accès pour 24 heures"), shown);
        assertTrue(shown.contains("ceres-portal-request-ask-" + LILLE), "still offered, for later");
        assertTrue(mailbox.to(gestionnaireOf.get(LILLE)).isEmpty(), "no email to the third centre");
    }

    @Test
    @DisplayName("Given a pending account sent its quota of new activation links, then pressing « Renvoyer » again says so under the email, and nothing is sent")
    void activationResendsPerSignup() throws InterruptedException {
        String email = "relance@cfa-exemple.fr";
        Mailbox mailbox = new Mailbox(mailServer);
        RequiredActionConfigRepresentation cooldown = new RequiredActionConfigRepresentation();
        cooldown.setConfig(Map.of("emailResendCooldownSeconds", "1"));
        realm.admin().flows().updateRequiredActionConfig("VERIFY_EMAIL", cooldown);
        try {
            SignUpPage page = new SignUpPage(browser.driver()).open(realm.getBaseUrl());
            page.fill(Applicant.valid(email));
            page.submit();
            mailbox.awaitMessage(email, 1);
            page.open(realm.getBaseUrl()).fill(Applicant.valid(email));
            page.submit();

            Thread.sleep(2000);
            page.resendActivationLink();
            assertTrue(page.fieldError("email").contains("nouveau lien"), page.fieldError("email"));
            mailbox.awaitMessage(email, 2);

            Thread.sleep(2000);
            page.resendActivationLink();
            assertTrue(page.fieldError("email").contains("Le nombre maximal de liens d'activation pour ce compte est atteint"),
                    page.fieldError("email"));
            Thread.sleep(2000);
            assertEquals(2, mailbox.to(email).size(), "the first link and one sent again, nothing more");
        } finally {
            realm.admin().flows().removeRequiredActionConfig("VERIFY_EMAIL");
        }
    }

    private Gestionnaires gestionnaires() {
        return new Gestionnaires(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString());
    }

    private static Map<String, String> invitation(String csrf, String email) {
        return InviteByEmail.form(csrf, email, "centre-agree", ACADEMIE);
    }

    private String portal() {
        return realm.getBaseUrl() + "/ceres-portal/";
    }

    private static String location(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElse("");
    }
}
