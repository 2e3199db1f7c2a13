package fr.ceres.keycloak.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The cost of the {@code ceres-habilitations-mapper} on token issuance for the client {@code ceres}
 * on one server, in one run, the same person refreshes their tokens again
 * and again (each refresh_token grant runs the client's mappers and issues access and ID tokens),
 * with the mapper on the client, then with it removed through the admin API, in alternating
 * rounds (ABBA order) so that drift (JIT, caches, the machine's load) falls on both sides.
 *
 * <p>A benchmark, not a test: run by the {@code bench} profile only, it asserts correctness (the
 * claim present with the mapper, absent without, every refresh answered 200), never a timing, and
 * writes its figures to {@code target/benchmark/token-issuance.txt}.
 *
 * <p>The person holds three habilitations (gestionnaire of the centre, centre agréé on two linked
 * sites: {@link BenchCentre}). Their first tokens come from a
 * password grant, which the realm does not allow for {@code ceres}: the benchmark turns it on for
 * its own (throw-away) realm; only refreshes are timed.
 */
@KeycloakIntegrationTest(config = BenchServerConfig.class)
class TokenIssuanceBenchmark {

    private static final String MAPPER_TYPE = "ceres-habilitations-mapper";
    private static final String CLAIM = "ceres_habilitations";

    private static final int GLOBAL_WARM_UP = 2000;
    private static final int PHASE_WARM_UP = 50;
    private static final int MEASURED_PER_PHASE = 400;
    /** Pairs of phases: ABBA… so that each side is as often first as second. */
    private static final int PAIRS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    /** The realm's SMTP settings are environment placeholders; the mail server supplies real ones. */
    @InjectMailServer
    MailServer mailServer;

    // HTTP/1.1 keep-alive, as in PrefillBenchmark: no TCP handshake or h2c upgrade in the timings.
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void tokenIssuance() throws Exception {
        ClientResource ceres = realm.admin().clients().get(realm.admin().clients().findByClientId("ceres").get(0).getId());
        String secret = ceres.getSecret().getValue();
        ClientRepresentation client = ceres.toRepresentation();
        client.setDirectAccessGrantsEnabled(true);
        ceres.update(client);
        ProtocolMapperRepresentation mapper = ceres.getProtocolMappers().getMappers().stream()
                .filter(m -> MAPPER_TYPE.equals(m.getProtocolMapper())).findFirst().orElseThrow();
        new BenchCentre(realm.admin()).gestionnaire();

        Refresher refresher = new Refresher(secret, passwordGrant(secret));
        Phase warmUp = refresher.run(true, GLOBAL_WARM_UP);

        List<Phase> with = new ArrayList<>();
        List<Phase> without = new ArrayList<>();
        for (int pair = 0; pair < PAIRS; pair++) {
            boolean withFirst = pair % 2 == 0;
            for (boolean mapperOn : new boolean[] {withFirst, !withFirst}) {
                mapper = setMapper(ceres, mapper, mapperOn);
                refresher.run(mapperOn, PHASE_WARM_UP);
                (mapperOn ? with : without).add(refresher.run(mapperOn, MEASURED_PER_PHASE));
            }
        }
        setMapper(ceres, mapper, true);

        Stats on = Stats.of(with);
        Stats off = Stats.of(without);
        StringBuilder report = BenchReport.start("Token issuance benchmark: refresh_token grant for client ceres, with and without ceres-habilitations-mapper")
                .append("client    java.net.http.HttpClient, HTTP/1.1 keep-alive, loopback, one client, sequential\n")
                .append(String.format("user      3 habilitations: gestionnaire %s, centre-agree %s and %s (1 Organization, 3 groups)%n",
                        BenchCentre.SIRET, BenchCentre.SITES[0], BenchCentre.SITES[1]))
                .append("each refresh: scope openid, issues access + ID + refresh tokens; the mapper writes the claim\n")
                .append("          into access and ID tokens (as realm-export.json configures it)\n")
                .append(String.format("runs      %d refreshes warm-up, then %d pairs of phases in ABBA order (with/without, without/with, ...),%n",
                        warmUp.latencies().length, PAIRS))
                .append(String.format("          each phase: mapper added/removed via the admin API, %d unmeasured refreshes, %d measured%n%n",
                        PHASE_WARM_UP, MEASURED_PER_PHASE))
                .append("per refresh (ms)        refreshes      p50      p90      p99     mean   access token bytes\n")
                .append(on.line("with mapper   "))
                .append(off.line("without mapper"))
                .append(String.format("%nratio with/without     p50 %.3f   p90 %.3f   p99 %.3f   mean %.3f%n",
                        on.p50() / off.p50(), on.p90() / off.p90(), on.p99() / off.p99(), on.mean() / off.mean()))
                .append(String.format("cost of the mapper     %+.3f ms per refresh (mean), %+.3f ms (p50)%n%n",
                        on.mean() - off.mean(), on.p50() - off.p50()))
                .append("phase means in run order (ms):");
        for (int pair = 0; pair < PAIRS; pair++) {
            Phase a = pair % 2 == 0 ? with.get(pair) : without.get(pair);
            Phase b = pair % 2 == 0 ? without.get(pair) : with.get(pair);
            report.append(String.format(" %s %.3f, %s %.3f;", a.label(), a.meanMs(), b.label(), b.meanMs()));
        }
        report.append('\n');

        System.out.println("\n" + report);
        Path out = Path.of(System.getProperty("benchmark.dir", "target/benchmark"), "token-issuance.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);

        // Correctness only, after the report is written so a failing run still leaves its figures.
        assertEquals(0, warmUp.wrong(), "warm-up: every refresh 200 with the claim");
        assertEquals(0, with.stream().mapToInt(Phase::wrong).sum(), "with the mapper: every refresh 200, claim with 3 habilitations");
        assertEquals(0, without.stream().mapToInt(Phase::wrong).sum(), "without the mapper: every refresh 200, no claim");
    }

    /** Puts the mapper on the client or takes it off; returns its representation (a new id once re-added). */
    private static ProtocolMapperRepresentation setMapper(ClientResource ceres, ProtocolMapperRepresentation mapper, boolean on) {
        boolean present = ceres.getProtocolMappers().getMappers().stream().anyMatch(m -> MAPPER_TYPE.equals(m.getProtocolMapper()));
        if (on && !present) {
            mapper.setId(null);
            try (Response created = ceres.getProtocolMappers().createMapper(mapper)) {
                mapper.setId(CreatedResponseUtil.getCreatedId(created));
            }
        } else if (!on && present) {
            ceres.getProtocolMappers().delete(mapper.getId());
        }
        return mapper;
    }

    private String passwordGrant(String secret) throws IOException, InterruptedException {
        HttpResponse<String> response = token("grant_type=password&scope=openid&client_id=ceres&client_secret=" + encode(secret)
                + "&username=" + encode(BenchCentre.EMAIL) + "&password=" + encode(BenchCentre.PASSWORD));
        if (response.statusCode() != 200) {
            throw new AssertionError("password grant answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("refresh_token").asText();
    }

    private HttpResponse<String> token(String form) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Refreshes one person's tokens in sequence, always with the newest refresh token. */
    private final class Refresher {

        private final String secret;
        private String refreshToken;

        Refresher(String secret, String refreshToken) {
            this.secret = secret;
            this.refreshToken = refreshToken;
        }

        Phase run(boolean mapperOn, int refreshes) throws IOException, InterruptedException {
            long[] latencies = new long[refreshes];
            long[] tokenBytes = new long[refreshes];
            int wrong = 0;
            for (int i = 0; i < refreshes; i++) {
                String form = "grant_type=refresh_token&client_id=ceres&client_secret=" + encode(secret)
                        + "&refresh_token=" + encode(refreshToken);
                long start = System.nanoTime();
                HttpResponse<String> response = token(form);
                latencies[i] = System.nanoTime() - start;
                // Checked outside the timed span.
                if (response.statusCode() != 200) {
                    wrong++;
                    continue;
                }
                JsonNode body = JSON.readTree(response.body());
                refreshToken = body.get("refresh_token").asText();
                String access = body.get("access_token").asText();
                tokenBytes[i] = access.length();
                if (!claimAsExpected(access, mapperOn) || !claimAsExpected(body.get("id_token").asText(), mapperOn)) {
                    wrong++;
                }
            }
            return new Phase(mapperOn, latencies, tokenBytes, wrong);
        }

        private static boolean claimAsExpected(String jwt, boolean mapperOn) throws IOException {
            JsonNode claim = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])).get(CLAIM);
            return mapperOn ? claim != null && claim.isArray() && claim.size() == 1 + BenchCentre.SITES.length : claim == null;
        }
    }

    /** One phase: per-refresh latencies (ns), access token sizes, refreshes answered wrong. */
    private record Phase(boolean mapperOn, long[] latencies, long[] tokenBytes, int wrong) {

        String label() {
            return mapperOn ? "with" : "without";
        }

        double meanMs() {
            return Arrays.stream(latencies).average().orElse(0) / 1e6;
        }
    }

    /** The figures of one side, all its measured phases together (ms). */
    private record Stats(int count, double p50, double p90, double p99, double mean, double tokenBytes) {

        static Stats of(List<Phase> phases) {
            long[] all = phases.stream().flatMapToLong(p -> Arrays.stream(p.latencies())).sorted().toArray();
            double bytes = phases.stream().flatMapToLong(p -> Arrays.stream(p.tokenBytes())).average().orElse(0);
            return new Stats(all.length, BenchReport.percentile(all, 50) / 1e6, BenchReport.percentile(all, 90) / 1e6, BenchReport.percentile(all, 99) / 1e6,
                    Arrays.stream(all).average().orElse(0) / 1e6, bytes);
        }

        String line(String label) {
            return String.format("%s     %9d  %7.3f  %7.3f  %7.3f  %7.3f   %6.0f%n", label, count, p50, p90, p99, mean, tokenBytes);
        }
    }
}
