package fr.ceres.keycloak.it.node;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The README's deployment of the bundle, as the production-mode tests run it: the build options, the shipped realm
 * to import, a mail server of the test's own that asks for a password, and every secret (fresh for each deployment)
 * in the environment.
 */
public final class CeresDeployment {

    /** {@code kc.sh build}: the README's, but for the company register, which each test picks. */
    public static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--health-enabled=true", "--metrics-enabled=true");
    /** Where Ceres is deployed: never served here, the browser is only sent there with its code. */
    public static final String CERES_URL = "https://ceres.example.org";
    public static final String DATABASE_USER = "ceres";
    /** Passed in the environment, as a deployment would; PostgreSQL here trusts local connections anyway. */
    public static final String DATABASE_PASSWORD = "ceres";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String clientSecret = UUID.randomUUID().toString();
    private final String adminPassword = UUID.randomUUID().toString();
    private final String smtpPassword = UUID.randomUUID().toString();

    /**
     * The distribution built with {@link #BUILD_OPTIONS} and the company register {@code register} (a provider id:
     * the tests reach no outside service, so {@code static-file}, or a remote one whose address they set to a stub),
     * the shipped realm waiting in {@code data/import}.
     */
    public static KeycloakDistribution distribution(String register) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(BUILD_OPTIONS);
        options.add("--spi-company-register--provider=" + register);
        KeycloakDistribution distribution = KeycloakDistribution.built(options);
        Path imports = Files.createDirectories(distribution.home().resolve("data/import"));
        Files.copy(Path.of(System.getProperty("ceres.bundle.dir"), "realm-export.json"),
                imports.resolve("realm-export.json"), StandardCopyOption.REPLACE_EXISTING);
        return distribution;
    }

    /** A started SMTP server on a free port of 127.0.0.1 that takes this deployment's user and password. */
    public GreenMail startMailServer() throws IOException {
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("ceres-smtp", smtpPassword));
        smtp.start();
        return smtp;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** Every secret, and the realm's settings, as the environment gives them; the mail goes to {@code smtp}. */
    public Map<String, String> environment(GreenMail smtp) {
        Map<String, String> environment = new HashMap<>();
        environment.put("KC_DB_PASSWORD", DATABASE_PASSWORD);
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        environment.put("CERES_SMTP_HOST", "127.0.0.1");
        environment.put("CERES_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
        environment.put("CERES_SMTP_AUTH", "true");
        environment.put("CERES_SMTP_USER", "ceres-smtp");
        environment.put("CERES_SMTP_PASSWORD", smtpPassword);
        environment.put("CERES_SMTP_FROM", "no-reply@mesdemarches.example.org");
        environment.put("CERES_CLIENT_SECRET", clientSecret);
        environment.put("CERES_URL", CERES_URL);
        return environment;
    }

    /** The bootstrap administrator's token (the master realm's admin-cli) from the server at {@code serverUrl}. */
    public String adminToken(String serverUrl) {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(serverUrl + "/realms/master/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("admin token: " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
