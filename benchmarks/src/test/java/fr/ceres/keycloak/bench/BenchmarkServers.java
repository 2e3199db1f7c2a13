package fr.ceres.keycloak.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import fr.ceres.keycloak.it.node.CeresDeployment;
import fr.ceres.keycloak.it.node.KeycloakDistribution;
import fr.ceres.keycloak.it.node.KeycloakNode;
import fr.ceres.keycloak.it.support.FreshDatabase;
import fr.ceres.keycloak.it.support.GeneratedSirets;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.PortalHttp;

/**
 * The two servers the benchmark compares, prepared alike: vanilla Keycloak with the shipped realm minus the bundle
 * ({@link VanillaRealm}), and Keycloak with the bundle and the shipped realm, both in production mode
 * ({@code kc.sh build}, {@code start --optimized}), one node each ({@code --cache=local}) on a fresh PostgreSQL
 * database, sending mail to one mail server; then the same people and centres on both. Closing stops both servers
 * and the mail server.
 */
final class BenchmarkServers implements AutoCloseable {

    static final String POSTGRES = "127.0.0.1:5432";
    /** The SIRET the sign-ups type, and the pre-fill's cached look-up: a centre of the demo register. */
    static final String SIRET = "73282932000074";
    /** Each person's three habilitations: centres of the demo register. */
    static final List<String> CENTRES = List.of("73282932000074", "41823967900016", "52047381000015");
    static final String ROLE = "gestionnaire";
    /** Where the clients send people back with their code: nothing listens there, and no request follows it. */
    static final String REDIRECT_URI = CeresDeployment.CERES_URL + "/callback";

    private static final List<String> COMMON_BUILD_OPTIONS =
            List.of("--db=postgres", "--health-enabled=true", "--metrics-enabled=true", "--cache=local");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CeresDeployment deployment = new CeresDeployment();
    private final String serviceSecret = UUID.randomUUID().toString();
    private final String plainSecret = UUID.randomUUID().toString();
    private final List<KeycloakNode> nodes = new ArrayList<>();
    private GreenMail smtp;
    private Target vanilla;
    private Target bundle;

    Target vanilla() {
        return vanilla;
    }

    Target bundle() {
        return bundle;
    }

    /**
     * Builds (when needed), starts both servers side by side and waits until both are ready; the register knows
     * {@code newCentres} more centres ({@link #newCentre}) than the demo's, for the agents' API to register.
     */
    BenchmarkServers start(Duration timeout, int newCentres) throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("project.build.directory", "target"), "benchmark"));
        smtp = deployment.startMailServer();
        Path register = work.resolve("company-register.json");
        JSON.writeValue(register.toFile(), companyRegister(newCentres));

        KeycloakDistribution vanillaDistribution = KeycloakDistribution.built("keycloak-vanilla", false, COMMON_BUILD_OPTIONS);
        Path vanillaRealm = Files.createDirectories(vanillaDistribution.home().resolve("data/import")).resolve("realm-export.json");
        VanillaRealm.write(VanillaRealm.from(Path.of(System.getProperty("ceres.bundle.dir"), "realm-export.json")), vanillaRealm);
        Files.copy(vanillaRealm, work.resolve("vanilla-realm.json"), StandardCopyOption.REPLACE_EXISTING);

        List<String> bundleBuild = new ArrayList<>(new LinkedHashSet<>(concat(CeresDeployment.BUILD_OPTIONS, COMMON_BUILD_OPTIONS)));
        // The offline register: the benchmark reaches no outside service.
        bundleBuild.add("--spi-company-register--provider=static-file");
        KeycloakDistribution bundleDistribution = KeycloakDistribution.built("keycloak-bundle", true, bundleBuild);
        Files.copy(Path.of(System.getProperty("ceres.bundle.dir"), "realm-export.json"),
                Files.createDirectories(bundleDistribution.home().resolve("data/import")).resolve("realm-export.json"),
                StandardCopyOption.REPLACE_EXISTING);

        int vanillaPort = Integer.getInteger("bench.vanilla.port", 8580);
        int bundlePort = Integer.getInteger("bench.bundle.port", 8680);
        nodes.add(start(vanillaDistribution, "vanilla", new KeycloakNode.Ports(vanillaPort, vanillaPort + 920, 0), List.of()));
        nodes.add(start(bundleDistribution, "bundle", new KeycloakNode.Ports(bundlePort, bundlePort + 920, 0), List.of(
                "--spi-company-register--static-file--file=" + register,
                // Every virtual user comes from 127.0.0.1: the per-address limit (30 a minute) would answer 429.
                "--spi-realm-restapi-extension--company-register--requests-per-minute=100000000",
                // One centre's gestionnaire sends every invitation of the invitation scenario.
                "--spi-jpa-entity-provider--ceres-access--invitations-per-centre-per-day=10000")));
        for (KeycloakNode node : nodes) {
            node.awaitReady(timeout);
        }
        vanilla = new Target("vanilla", nodes.get(0).directUrl(), deployment.clientSecret(), serviceSecret, null,
                "/realms/" + Target.REALM + "/.well-known/openid-configuration", "Vérification du courriel");
        bundle = new Target("bundle", nodes.get(1).directUrl(), deployment.clientSecret(), serviceSecret, plainSecret,
                "/realms/" + Target.REALM + "/company-register/" + SIRET, "Activez votre compte");
        return this;
    }

    private KeycloakNode start(KeycloakDistribution distribution, String name, KeycloakNode.Ports ports, List<String> options)
            throws Exception {
        String databaseUrl = FreshDatabase.postgres(POSTGRES, "ceres_bench_" + name, CeresDeployment.DATABASE_USER,
                CeresDeployment.DATABASE_PASSWORD);
        List<String> all = new ArrayList<>(List.of("--import-realm", "--db-url=" + databaseUrl,
                "--db-username=" + CeresDeployment.DATABASE_USER,
                "--db-pool-initial-size=5", "--db-pool-min-size=5", "--db-pool-max-size=20",
                "--hostname=http://127.0.0.1:" + ports.http(), "--http-enabled=true"));
        all.addAll(options);
        Map<String, String> environment = new HashMap<>(deployment.environment(smtp));
        if (Boolean.getBoolean("bench.jfr")) {
            // A recording of the whole run, written when the server stops (see the notes on profiling the login).
            environment.put("JAVA_OPTS_APPEND", "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + distribution.home().resolveSibling(name + ".jfr"));
        }
        return KeycloakNode.start(distribution, name, ports, all, environment);
    }

    /** The demo register, plus the new centres' companies. */
    private static ArrayNode companyRegister(int newCentres) throws IOException {
        ArrayNode entries;
        try (InputStream demo = BenchmarkServers.class.getResourceAsStream("/company-register-demo.json")) {
            entries = (ArrayNode) JSON.readTree(demo);
        }
        for (int c = 0; c < newCentres; c++) {
            String siret = newCentre(c);
            entries.addObject().put("siret", siret).put("raisonSociale", "CENTRE DE FORMATION " + siret)
                    .put("adresse", "1 RUE DE LA GARE").put("commune", "69002 LYON").put("etat", "A");
        }
        return entries;
    }

    /** The {@code c}-th new centre: its own company (SIREN 9300xxxxx), establishment 0001. */
    static String newCentre(int c) {
        return GeneratedSirets.firstEstablishment(930_000_000L + c);
    }

    /**
     * On both servers: the service-account client, the three centres (each an Organization with its group
     * carrying the habilitation's attributes), and {@code people} accounts, each a member of the three centres
     * and of their groups; on the bundle's, also the client {@code plain}.
     */
    void seed(int people) throws Exception {
        for (Target target : List.of(vanilla, bundle)) {
            long begin = System.nanoTime();
            AdminApi admin = new AdminApi(target.serverUrl(), Target.REALM, () -> deployment.adminToken(target.serverUrl()));
            admin.create("/clients", Map.of("clientId", Target.SERVICE_CLIENT, "secret", serviceSecret,
                    "publicClient", false, "serviceAccountsEnabled", true, "standardFlowEnabled", false));
            if (target.plainSecret() != null) {
                admin.create("/clients", plainClient(admin));
            }
            List<String[]> centres = new ArrayList<>();
            for (String siret : CENTRES) {
                String organization = admin.create("/organizations", Map.of("name", "CENTRE " + siret, "alias", siret,
                        "enabled", true));
                String group = admin.create("/organizations/" + organization + "/groups", Map.of("name", ROLE + " " + siret,
                        "attributes", Map.of("ceres.siret", List.of(siret), "ceres.role", List.of(ROLE))));
                centres.add(new String[] {organization, group});
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> created = new ArrayList<>();
                for (int i = 0; i < people; i++) {
                    String email = BenchmarkPeople.email(i);
                    created.add(pool.submit(() -> {
                        String user = admin.create("/users", BenchmarkPeople.account(email));
                        for (String[] centre : centres) {
                            admin.post("/organizations/" + centre[0] + "/members", user);
                            admin.put("/organizations/" + centre[0] + "/groups/" + centre[1] + "/members/" + user, null);
                        }
                        return null;
                    }));
                }
                for (Future<?> each : created) {
                    each.get();
                }
            } finally {
                pool.shutdown();
            }
            System.out.printf("[benchmark] %s: %d people with %d habilitations each in %d s%n", target.name(), people,
                    CENTRES.size(), (System.nanoTime() - begin) / 1_000_000_000);
        }
    }

    /** The bundle's own scenarios' data, made on its server, the invitations read from the mail server. */
    BundleOnlyData bundleOnly() {
        return new BundleOnlyData(bundle, () -> deployment.adminToken(bundle.serverUrl()), Mailbox.of(smtp::getReceivedMessages));
    }

    /**
     * The client ceres as the realm has it (its client scopes, Keycloak's {@code organization} among them, its flows,
     * PKCE, redirect URIs), but for the bundle's mapper: "ceres / plain" then measures that mapper alone.
     */
    private ObjectNode plainClient(AdminApi admin) {
        ObjectNode plain = ((ObjectNode) admin.get("/clients?clientId=ceres").get(0)).deepCopy();
        plain.remove(List.of("id", "protocolMappers"));
        return plain.put("clientId", Target.PLAIN_CLIENT).put("name", Target.PLAIN_CLIENT).put("secret", plainSecret);
    }

    /**
     * A refresh token of {@code clientId} for each of the first {@code count} people, from a sign-in as a browser
     * makes it (code flow with PKCE), taken before the measures start. Each access token must carry one entry per
     * centre in each of {@code claims}, and none of {@code absent}: the data is what the comparison needs.
     */
    List<String> refreshTokens(Target target, String clientId, String secret, String scope, int count, List<String> claims,
                               List<String> absent) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Pkce pkce = Pkce.random();
            PortalHttp browser = new PortalHttp(target.realmUrl());
            HttpResponse<String> back = browser.signInFrom(target.authorizeUrl("auth", clientId, scope, REDIRECT_URI, pkce.challenge()),
                    BenchmarkPeople.email(i), BenchmarkPeople.PASSWORD, url -> url.startsWith(REDIRECT_URI));
            String location = back.headers().firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException("no code for " + clientId + " on " + target.name() + ": " + back.body()));
            String code = URI.create(location).getQuery().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
            Map<String, String> form = Map.of("grant_type", "authorization_code", "client_id", clientId, "client_secret", secret,
                    "code", code, "redirect_uri", REDIRECT_URI, "code_verifier", pkce.verifier());
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(target.tokenUrl()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&")))).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("token for " + clientId + " on " + target.name() + ": " + answer.body());
            }
            JsonNode granted = JSON.readTree(answer.body());
            requireClaims(target, clientId, granted.get("access_token").asText(), claims, absent);
            tokens.add(granted.get("refresh_token").asText());
        }
        return tokens;
    }

    private static void requireClaims(Target target, String clientId, String accessToken, List<String> claims, List<String> absent)
            throws IOException {
        JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
        for (String claim : claims) {
            if (payload.path(claim).size() != CENTRES.size()) {
                throw new IllegalStateException(target.name() + ", " + clientId + ": the access token's " + claim
                        + " should name the " + CENTRES.size() + " centres: " + payload);
            }
        }
        for (String claim : absent) {
            if (payload.has(claim)) {
                throw new IllegalStateException(target.name() + ", " + clientId + ": the access token should have no " + claim
                        + ": " + payload);
            }
        }
    }

    /** Stops both servers, then the mail server; safe to call twice. */
    @Override
    public synchronized void close() throws InterruptedException {
        for (KeycloakNode node : nodes) {
            node.close();
        }
        nodes.clear();
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
