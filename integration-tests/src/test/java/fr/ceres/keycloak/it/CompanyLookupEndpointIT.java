package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/** The register page's pre-fill endpoint, over real HTTP. */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
class CompanyLookupEndpointIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    /** The realm's SMTP settings are environment placeholders; the mail server supplies real ones. */
    @InjectMailServer
    MailServer mailServer;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @DisplayName("Given an active establishment, then only its public register fields are returned")
    void activeEstablishment() throws Exception {
        HttpResponse<String> response = lookup("732 829 320 00074", "198.51.100.1");
        assertEquals(200, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("73282932000074", body.get("siret").asText());
        assertEquals("732829320", body.get("siren").asText());
        assertTrue(body.get("active").asBoolean());
        assertFalse(body.get("raisonSociale").asText().isBlank());
        assertEquals(0, body.get("missing").size(), body.toString());
        assertEquals(7, body.size(), "public fields only: " + body);
    }

    @Test
    @DisplayName("Given a non-diffusible establishment, then its masked fields are absent, never placeholders, and listed as missing")
    void nonDiffusibleEstablishment() throws Exception {
        HttpResponse<String> response = lookup(SignUpIT.NON_DIFFUSIBLE_SIRET, "198.51.100.3");
        assertEquals(200, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertFalse(body.has("raisonSociale") || body.has("adresse") || body.has("commune"), body.toString());
        assertEquals("[\"raisonSociale\",\"adresse\",\"commune\"]", body.get("missing").toString());
        assertFalse(response.body().contains("[ND]"), response.body());
    }

    @Test
    @DisplayName("Given a closed, an unknown or a malformed SIRET, then each has its own answer")
    void otherAnswers() throws Exception {
        HttpResponse<String> closed = lookup(SignUpIT.CLOSED_SIRET, "198.51.100.2");
        assertEquals(410, closed.statusCode());
        assertFalse(JSON.readTree(closed.body()).get("active").asBoolean());

        assertEquals(404, lookup(SignUpIT.UNKNOWN_SIRET, "198.51.100.2").statusCode());
        assertEquals(400, lookup("12345678900010", "198.51.100.2").statusCode());
        assertEquals(400, lookup("abc", "198.51.100.2").statusCode());
    }

    @Test
    @DisplayName("Given one client past the per-IP limit, then it gets 429 with Retry-After while another client is served")
    void limitedPerClientIp() throws Exception {
        String greedy = "203.0.113.7";
        HttpResponse<String> last = null;
        for (int i = 0; i < 200 && (last == null || last.statusCode() != 429); i++) {
            last = lookup("73282932000074", greedy);
        }
        assertNotNull(last);
        assertEquals(429, last.statusCode(), "limit reached within 200 requests");
        assertNotNull(last.headers().firstValue("Retry-After").orElse(null));
        assertEquals(200, lookup("73282932000074", "203.0.113.8").statusCode());
    }

    private HttpResponse<String> lookup(String siret, String clientIp) throws IOException, InterruptedException {
        String path = siret.replace(" ", "%20");
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/company-register/" + path))
                .header("X-Forwarded-For", clientIp)
                .GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
