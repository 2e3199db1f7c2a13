package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.Gestionnaires;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.PortalAccounts;
import fr.ceres.keycloak.it.support.PortalHttp;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The SIRET of an account is only declared: its owner cannot change it once signed up, and wherever a gestionnaire
 * meets a person through it (the invite dialog's suggestions, an access request on the access page and in its
 * email) the page says what is known beside it: whether the register checked it, and the email's domain, or that
 * the address is a personal one.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
class DeclaredSiretIT {

    private static final String ACADEMIE = "41823967900016";
    private static final String LILLE = "41823967900032";
    private static final String VAL_DE_LOIRE = "52047381000015";
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectAdminClient
    Keycloak admin;

    @Test
    @DisplayName("Given a signed-up account, then its owner cannot change its SIRET on the update-profile page: a French message on the field, nothing changed")
    void ownerCannotChangeTheSiret() throws Exception {
        String id = account("paul@valdeloire.fr", "Paul", "Durand", VAL_DE_LOIRE, "verifie");
        UserResource paul = realm.admin().users().get(id);
        UserRepresentation representation = paul.toRepresentation();
        representation.setRequiredActions(List.of("UPDATE_PROFILE"));
        paul.update(representation);

        PortalHttp browser = PortalHttp.anonymous(realm.getBaseUrl());
        HttpResponse<String> form = browser.signInFrom(realm.getBaseUrl() + "/ceres-portal/", "paul@valdeloire.fr",
                Applicant.PASSWORD, url -> false);
        String action = PortalHttp.formAction(form.body(), "kc-update-profile-form")
                .orElseThrow(() -> new AssertionError("no update-profile page: " + form.body()));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", "paul@valdeloire.fr");
        fields.put("firstName", "Paul");
        fields.put("lastName", "Durand");
        fields.put("siret", ACADEMIE);
        fields.put("raisonSociale", "ACADEMIE DES FORMATIONS ET DES COMPETENCES");
        fields.put("adresse", "12 RUE DE LA REPUBLIQUE");
        fields.put("commune", "69002 LYON");
        fields.put("civilite", "monsieur");
        fields.put("telephone", "06 12 34 56 78");
        HttpResponse<String> answer = browser.post(action, fields);

        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("Le SIRET de votre compte ne peut pas être modifié ici"), answer.body());
        UserRepresentation stored = paul.toRepresentation();
        assertEquals(List.of(VAL_DE_LOIRE), stored.getAttributes().get("siret"));
        assertEquals(List.of("verifie"), stored.getAttributes().get("siretStatut"));
    }

    @Test
    @DisplayName("Given a person whose SIRET is unchecked and email personal, then the suggestions, the access page and the request email say so; a checked colleague shows their domain")
    void gestionnaireSeesDeclaredVersusKnown() throws Exception {
        Gestionnaires gestionnaires = new Gestionnaires(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString());
        gestionnaires.register(ACADEMIE, List.of());
        PortalAccounts.create(realm, "alice@academie.fr", "Alice", "Martin", ACADEMIE);
        gestionnaires.attach("alice@academie.fr", ACADEMIE);
        account("mallory.durand@gmail.com", "Mallory", "Durand", LILLE, "non-verifie");
        account("bob.durand@academie.fr", "Bob", "Durand", LILLE, "verifie");
        PortalHttp alice = new PortalHttp(realm.getBaseUrl()).signIn("alice@academie.fr", Applicant.PASSWORD);
        String page = realm.getBaseUrl() + "/ceres-portal/acces/" + ACADEMIE;

        JsonNode suggestions = JSON.readTree(alice.getJson(page + "/personnes?q=Durand").body());
        assertEquals(JSON.readTree("{\"siret\":\"" + LILLE + "\",\"siretVerified\":false,\"emailDomain\":\"gmail.com\","
                + "\"personalEmail\":true}"), declaredOf(suggestions, "mallory.durand@gmail.com"), suggestions.toString());
        assertEquals(JSON.readTree("{\"siret\":\"" + LILLE + "\",\"siretVerified\":true,\"emailDomain\":\"academie.fr\","
                + "\"personalEmail\":false}"), declaredOf(suggestions, "bob.durand@academie.fr"), suggestions.toString());
        String searched = alice.post(page + "/inviter", Map.of("csrf", PortalHttp.csrfOf(alice.get(page).body()),
                "etape", "rechercher", "mode", "compte", "utilisateur", "Durand", "role", "centre-agree", "siret", ACADEMIE)).body();
        assertTrue(searched.contains("SIRET déclaré " + LILLE + " (SIRET non vérifié), adresse email personnelle"), searched);
        assertTrue(searched.contains("SIRET déclaré " + LILLE + " (SIRET vérifié), email @academie.fr"), searched);

        PortalHttp mallory = new PortalHttp(realm.getBaseUrl()).signIn("mallory.durand@gmail.com", Applicant.PASSWORD);
        String portal = realm.getBaseUrl() + "/ceres-portal/";
        HttpResponse<String> asked = mallory.post(portal + "demande",
                Map.of("csrf", PortalHttp.csrfOf(mallory.get(portal).body()), "centre", ACADEMIE));
        assertTrue(asked.headers().firstValue("Location").orElse("").endsWith("?notice=demande-envoyee"));

        String mail = new Mailbox(mailServer).awaitMessage("alice@academie.fr", 1).text();
        assertTrue(mail.contains("Le SIRET " + LILLE + " est déclaré par la personne (non vérifié) ; son adresse email est"
                + " une adresse email personnelle (gmail.com), qui ne dit rien de son entreprise."), mail);
        String accessPage = alice.get(page).body();
        assertTrue(accessPage.contains("SIRET non vérifié</small>"), accessPage);
        assertTrue(accessPage.contains("adresse email personnelle</small>"), accessPage);
    }

    private static JsonNode declaredOf(JsonNode suggestions, String email) {
        for (JsonNode person : suggestions) {
            if (email.equals(person.path("email").asText())) {
                return person.get("declared");
            }
        }
        throw new AssertionError(email + " not suggested: " + suggestions);
    }

    /** An activated account with the SIRET status the sign-up would have recorded. */
    private String account(String email, String firstName, String lastName, String siret, String siretStatut) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setAttributes(Map.of("siret", List.of(siret), "siretStatut", List.of(siretStatut), "civilite", List.of("monsieur"),
                "telephone", List.of("+33612345678"), "raisonSociale", List.of("ENTREPRISE " + siret.substring(0, 9)),
                "adresse", List.of("1 RUE DE LA GARE"), "commune", List.of("69002 LYON")));
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(Applicant.PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (Response response = realm.admin().users().create(user)) {
            return CreatedResponseUtil.getCreatedId(response);
        }
    }
}
