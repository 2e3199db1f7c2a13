package fr.ceres.keycloak.it.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import fr.ceres.keycloak.it.node.CeresDeployment;
import fr.ceres.keycloak.it.node.KeycloakDistribution;
import fr.ceres.keycloak.it.node.KeycloakNode;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CentreLetters;
import fr.ceres.keycloak.it.support.CeresSignIn;
import fr.ceres.keycloak.it.support.FreshDatabase;
import fr.ceres.keycloak.it.support.HttpAttachSession;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.PortalHttp;
import fr.ceres.keycloak.it.support.SignUpPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's production start, run for real: the distribution built for PostgreSQL with the bundle, then
 * {@code kc.sh start --optimized --import-realm} behind a (played) reverse proxy, every secret in the
 * environment. No TLS here ({@code --http-enabled=true}): in production a proxy terminates it. Then a person goes
 * the whole way over plain HTTP: sign-up, activation from the email, Ceres attached with a code an agent issued,
 * and a token for {@code ceres} carrying the habilitation.
 */
@DisplayName("Production start on PostgreSQL")
class ProductionStartIT {

    private static final String POSTGRES = "127.0.0.1:5432";
    private static final String DATABASE = "ceres_production_it";
    private static final KeycloakNode.Ports PORTS = new KeycloakNode.Ports(8380, 9300, 7900);
    /** The public address, as the proxy serves it. */
    private static final String PUBLIC_URL = "http://localhost:" + PORTS.http();
    private static final String REALM_URL = PUBLIC_URL + "/realms/mes-demarches";
    private static final String SIRET = "73282932000074";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeycloakDistribution distribution;

    private final CeresDeployment deployment = new CeresDeployment();
    private GreenMail smtp;

    @BeforeAll
    static void install() throws Exception {
        distribution = CeresDeployment.distribution("static-file");
    }

    @BeforeEach
    void startMailServer() throws IOException {
        smtp = deployment.startMailServer();
    }

    @AfterEach
    void stopMailServer() {
        smtp.stop();
    }

    @Test
    @DisplayName("Given the README's production start on an empty PostgreSQL database, then a person signs up, activates, attaches Ceres and gets a token carrying the habilitation")
    void productionStart() throws Exception {
        long begin = System.nanoTime();
        try (KeycloakNode node = KeycloakNode.start(distribution, "node1", PORTS, startOptions(freshDatabase()),
                deployment.environment(smtp))) {
            node.awaitReady(Duration.ofMinutes(3));
            System.out.printf("production start: ready in %d s%n", (System.nanoTime() - begin) / 1_000_000_000);

            String email = "camille.durand@cfa-exemple.fr";
            SignUpPage.signUp(PortalHttp.anonymous(REALM_URL), REALM_URL, SignUpPage.postedFields(email));

            String link = new Mailbox(smtp::getReceivedMessages).awaitMessage(email, 1).actionLink();
            assertTrue(link.startsWith(REALM_URL + "/"), "the link is on the public address: " + link);
            PortalHttp recipient = PortalHttp.anonymous(REALM_URL);
            String confirm = recipient.follow(recipient.get(link)).body();
            String activate = PortalHttp.getFormUrl(confirm, "ceres-activation-form").orElseThrow(() -> new AssertionError(confirm));
            String activated = recipient.follow(recipient.get(activate)).body();
            assertTrue(activated.contains("Votre compte est activé"), activated);

            String code = new CentreLetters(REALM_URL, () -> deployment.adminToken(PUBLIC_URL)).registerAndIssue(SIRET);
            HttpAttachSession ceres = new HttpAttachSession(PortalHttp.anonymous(REALM_URL), REALM_URL, CeresDeployment.CERES_URL + "/callback")
                    .signIn(email, Applicant.PASSWORD);
            HttpResponse<String> attached = ceres.attach(SIRET, code);
            assertTrue(ceres.givesCode(attached), ceres.pageAfter(attached));

            JsonNode access = CeresSignIn.claims(ceres.tokens(attached, deployment.clientSecret()).get("access_token").asText());
            assertEquals(JSON.readTree("[{\"siret\":\"" + SIRET + "\",\"role\":\"gestionnaire\",\"centre\":\"" + SIRET + "\"}]"),
                    access.get("ceres_habilitations"), access.toString());
            assertEquals(REALM_URL, access.get("iss").asText());
            System.out.printf("production start: the whole way in %d s%n", (System.nanoTime() - begin) / 1_000_000_000);
        }
    }

    @Test
    @DisplayName("Given the production start without CERES_CLIENT_SECRET and CERES_URL, then the server refuses the realm and stops, saying what to set")
    void devDefaultsRefused() throws Exception {
        Map<String, String> environment = deployment.environment(smtp);
        environment.remove("CERES_CLIENT_SECRET");
        environment.remove("CERES_URL");
        try (KeycloakNode node = KeycloakNode.start(distribution, "node1-dev-defaults", PORTS,
                startOptions(freshDatabase()), environment)) {
            assertNotEquals(0, node.awaitExit(Duration.ofMinutes(3)), node.logText());
            String log = node.logText();
            assertTrue(log.contains("Realm mes-demarches refused outside development mode: client ceres has the development"
                    + " secret ceres-dev-secret: set CERES_CLIENT_SECRET"), log);
            assertTrue(log.contains("set CERES_URL to the application's public address"), log);
        }
    }

    /** {@code kc.sh start}: the README's, on this machine's PostgreSQL, HTTP only, behind a proxy on 127.0.0.1. */
    private static List<String> startOptions(String databaseUrl) {
        return List.of("--import-realm",
                "--db-url=" + databaseUrl, "--db-username=" + CeresDeployment.DATABASE_USER,
                "--hostname=" + PUBLIC_URL, "--proxy-headers=xforwarded", "--proxy-trusted-addresses=127.0.0.1",
                "--http-enabled=true");
    }

    /** An empty database for this start; returns its JDBC URL. */
    private static String freshDatabase() throws SQLException {
        return FreshDatabase.postgres(POSTGRES, DATABASE, CeresDeployment.DATABASE_USER, CeresDeployment.DATABASE_PASSWORD);
    }
}
