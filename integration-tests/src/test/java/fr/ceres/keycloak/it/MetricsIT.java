package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.it.support.ActivatedAccounts;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CentreLetters;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.HttpAttachSession;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.MetricsPage;
import fr.ceres.keycloak.it.support.PortalHttp;
import fr.ceres.keycloak.it.support.SignUpPage;
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
 * The bundle's counters on Keycloak's management port ({@code --metrics-enabled=true}, set by
 * {@link CeresServerConfig}), after flows run over plain HTTP. The server is shared with the other classes, so
 * each check is on what this class added.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
class MetricsIT {

    private static final String TILLEULS = "73282932000074";
    private static final String WRONG_CODE = "0000-0000-0000";
    private static final String SIGNUPS = "ceres_signups_total";
    private static final String ACTIVATIONS = "ceres_activations_total";
    private static final String PREFILL = "ceres_prefill_answers_total";
    private static final String REDEMPTIONS = "ceres_code_redemptions_total";
    private static final Map<String, String> WRONG_CODE_REFUSED = Map.of("outcome", "refused", "reason", "wrong_code");
    private static final Map<String, String> REDEEMED = Map.of("outcome", "redeemed", "reason", "");

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    /** The realm's SMTP settings are environment placeholders; the mail server supplies real ones. */
    @InjectMailServer
    MailServer mailServer;

    @InjectAdminClient
    Keycloak admin;

    @Test
    @DisplayName("Given a pre-fill, a sign-up and its activation, a wrong code then the right one, then /metrics counts each once, and no tag holds a SIRET or an address")
    void flowsAreCounted() throws Exception {
        MetricsPage before = MetricsPage.read();

        // Its own client address, so that no other class's pre-fills count against its limit.
        HttpResponse<String> prefill = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(realm.getBaseUrl() + "/company-register/" + TILLEULS))
                .header("X-Forwarded-For", "198.51.100.90").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, prefill.statusCode(), prefill.body());
        PortalHttp visitor = PortalHttp.anonymous(realm.getBaseUrl());
        SignUpPage.Form form = SignUpPage.form(visitor, realm.getBaseUrl());
        // Followed to the page that sends the activation email.
        HttpResponse<String> signedUp = visitor.follow(visitor.post(form.action(), form.with(SignUpPage.postedFields("compteur@exemple.fr"))));
        assertFalse(signedUp.body().contains("id=\"kc-register-form\""), "sign-up refused: " + signedUp.body());
        assertEquals(1, realm.admin().users().searchByEmail("compteur@exemple.fr", true).size());
        // The emailed link shows a confirmation page; its button sends the same link asking for the activation.
        String link = new Mailbox(mailServer).awaitMessage("compteur@exemple.fr", 1).actionLink();
        PortalHttp owner = PortalHttp.anonymous(realm.getBaseUrl());
        assertTrue(owner.follow(owner.get(link)).body().contains("ceres-activation-form"));
        owner.follow(owner.get(link + "&execution=activate"));
        assertTrue(realm.admin().users().searchByEmail("compteur@exemple.fr", true).get(0).isEmailVerified());

        String code = new CentreLetters(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString())
                .registerAndIssue(TILLEULS);
        ActivatedAccounts.create(realm, "compteur@tilleuls.fr");
        HttpAttachSession person = new HttpAttachSession(realm.getBaseUrl()).signIn("compteur@tilleuls.fr", Applicant.PASSWORD);
        assertFalse(HttpAttachSession.isCodeForTheApplication(person.attach(TILLEULS, WRONG_CODE)));
        HttpResponse<String> attached = person.attach(TILLEULS, code);
        assertTrue(HttpAttachSession.isCodeForTheApplication(attached), person.pageAfter(attached));

        MetricsPage after = MetricsPage.read();
        assertEquals(1.0, after.value(SIGNUPS) - before.value(SIGNUPS), SIGNUPS);
        assertEquals(1.0, after.value(ACTIVATIONS) - before.value(ACTIVATIONS), ACTIVATIONS);
        assertEquals(1.0, after.value(PREFILL, Map.of("status", "200")) - before.value(PREFILL, Map.of("status", "200")));
        assertEquals(1.0, after.value(REDEMPTIONS, WRONG_CODE_REFUSED) - before.value(REDEMPTIONS, WRONG_CODE_REFUSED));
        assertEquals(1.0, after.value(REDEMPTIONS, REDEEMED) - before.value(REDEMPTIONS, REDEEMED));

        List<String> ours = after.samples("ceres_");
        assertFalse(ours.isEmpty());
        ours.forEach(sample -> assertFalse(sample.contains(TILLEULS) || sample.contains("@"), "a bounded tag: " + sample));
    }
}
