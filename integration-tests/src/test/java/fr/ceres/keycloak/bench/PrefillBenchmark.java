package fr.ceres.keycloak.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Measures the SIRET pre-fill endpoint on a real Keycloak: (a) how many register calls 50
 * simultaneous lookups of one uncached SIRET make, (b) the endpoint's latency and throughput once
 * the answer is cached. A benchmark, not a test: run by the {@code bench} profile only, it asserts
 * correctness (status, SIRET, one register call), never a timing, and writes its figures to
 * {@code target/benchmark/prefill.txt}.
 */
@KeycloakIntegrationTest(config = BenchServerConfig.class)
class PrefillBenchmark {

    private static final int CONCURRENT_LOOKUPS = 50;
    private static final int WARM_UP = 200;
    private static final int MEASURED = 2000;
    private static final int[] CLIENTS = {4, 16};
    private static final ObjectMapper JSON = new ObjectMapper();

    private static StubRegister register;

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    /** The realm's SMTP settings are environment placeholders; the mail server supplies real ones. */
    @InjectMailServer
    MailServer mailServer;

    // HTTP/1.1 explicitly: the default (HTTP/2) would send an h2c upgrade on plain http. The client
    // keeps connections alive, so after the first request of a connection no TCP handshake is timed.
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    static void startRegister() throws IOException {
        register = new StubRegister();
    }

    @AfterAll
    static void stopRegister() {
        register.close();
    }

    @Test
    void prefill() throws Exception {
        URI lookup = URI.create(realm.getBaseUrl() + "/company-register/" + StubRegister.SIRET);
        // Warms the client and the endpoint without asking the register: a malformed SIRET is a 400.
        assertEquals(400, get(URI.create(realm.getBaseUrl() + "/company-register/abc")).statusCode());

        int callsBefore = register.calls(StubRegister.SIRET);
        Burst burst = concurrentLookups(lookup);
        int upstreamCalls = register.calls(StubRegister.SIRET) - callsBefore;
        long answeredRight = burst.responses().stream().filter(PrefillBenchmark::isTheEstablishment).count();

        Load warmUp = load(lookup, 1, WARM_UP);
        Load sequential = load(lookup, 1, MEASURED);
        List<Load> concurrent = new ArrayList<>();
        for (int clients : CLIENTS) {
            concurrent.add(load(lookup, clients, MEASURED));
        }

        StringBuilder report = BenchReport.start("SIRET pre-fill benchmark: GET /realms/mes-demarches/company-register/{siret}")
                .append(String.format("register  recherche-entreprises -> stub %s, %d ms per answer%n", StubRegister.BASE_URL, StubRegister.DELAY_MS))
                .append("client    java.net.http.HttpClient, HTTP/1.1 keep-alive, loopback\n\n")
                .append(String.format("(a) %d concurrent lookups of uncached SIRET %s (released together by a latch)%n",
                        CONCURRENT_LOOKUPS, StubRegister.SIRET))
                .append(String.format("    answered 200 with that SIRET   %d / %d%n", answeredRight, CONCURRENT_LOOKUPS))
                .append(String.format("    upstream calls to the register %d (expected 1)%n", upstreamCalls))
                .append(String.format("    all answered within            %.0f ms of the release%n%n", burst.nanos() / 1e6))
                .append(String.format("(b) cached answer, %d warm-up requests then the measured runs (ms)%n", warmUp.latencies().length))
                .append("    clients  requests  failed       p50       p90       p99       max   req/s\n")
                .append(sequential.line());
        concurrent.forEach(run -> report.append(run.line()));
        report.append(String.format("    upstream calls during (b): %d%n", register.calls(StubRegister.SIRET) - callsBefore - upstreamCalls));

        System.out.println("\n" + report);
        Path out = Path.of(System.getProperty("benchmark.dir", "target/benchmark"), "prefill.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);

        // Correctness only, after the report is written so a failing run still leaves its figures.
        assertEquals(CONCURRENT_LOOKUPS, answeredRight, "each concurrent lookup answered 200 with the SIRET asked");
        assertEquals(1, upstreamCalls, "concurrent lookups of one SIRET coalesce into one register call");
        assertEquals(0, warmUp.failed() + sequential.failed() + concurrent.stream().mapToInt(Load::failed).sum(),
                "every cached lookup answered 200 with the SIRET asked");
    }

    /** One request per thread, all threads parked on a latch first so the requests leave together. */
    private Burst concurrentLookups(URI lookup) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CONCURRENT_LOOKUPS);
        try {
            CountDownLatch ready = new CountDownLatch(CONCURRENT_LOOKUPS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_LOOKUPS; i++) {
                pending.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return get(lookup);
                }));
            }
            ready.await();
            long released = System.nanoTime();
            go.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : pending) {
                responses.add(response.get());
            }
            return new Burst(responses, System.nanoTime() - released);
        } finally {
            threads.shutdownNow();
        }
    }

    /** {@code requests} lookups shared by {@code clients} threads, each sending its next one when the last is answered. */
    private Load load(URI lookup, int clients, int requests) throws Exception {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Callable<Void> client = () -> {
            for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                long start = System.nanoTime();
                HttpResponse<String> response = get(lookup);
                latencies[i] = System.nanoTime() - start;
                // Checked outside the timed span: a cheap check, parsing is left to phase (a).
                if (response.statusCode() != 200 || !response.body().contains(StubRegister.SIRET)) {
                    failed.incrementAndGet();
                }
            }
            return null;
        };
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            for (Future<Void> done : threads.invokeAll(Collections.nCopies(clients, client))) {
                done.get();
            }
            return new Load(clients, latencies, System.nanoTime() - start, failed.get());
        } finally {
            threads.shutdownNow();
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static boolean isTheEstablishment(HttpResponse<String> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            return response.statusCode() == 200
                    && StubRegister.SIRET.equals(body.path("siret").asText())
                    && StubRegister.RAISON_SOCIALE.equals(body.path("raisonSociale").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /** The concurrent lookups' answers, and the time from their release to the last answer (ns). */
    private record Burst(List<HttpResponse<String>> responses, long nanos) {
    }

    /** One measured run: per-request latencies (ns), the run's wall time (ns), the wrong answers. */
    private record Load(int clients, long[] latencies, long wallNanos, int failed) {

        String line() {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return String.format("    %7d  %8d  %6d  %8.2f  %8.2f  %8.2f  %8.2f  %6.0f%n", clients, sorted.length, failed,
                    ms(BenchReport.percentile(sorted, 50)), ms(BenchReport.percentile(sorted, 90)), ms(BenchReport.percentile(sorted, 99)),
                    ms(sorted[sorted.length - 1]), sorted.length / (wallNanos / 1e9));
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }
}
