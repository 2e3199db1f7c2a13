package fr.ceres.keycloak.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The pre-fill of a SIRET already in the register's cache, one request at a time on one kept-alive connection, timed
 * to the microsecond (Gatling's figures are whole milliseconds): what a single sign-up page waits for, with nothing
 * else running. Run after the phases, so the server is warm; unmeasured requests first, for this client's code.
 */
final class SequentialPrefill {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SequentialPrefill() {
    }

    /** Times {@code count} requests after {@code warmUp} others; writes count, p50, p95, p99 and max in ms to {@code out}. */
    static Map<String, Object> measure(Target bundle, int warmUp, int count, Path out) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest prefill = HttpRequest.newBuilder(URI.create(bundle.serverUrl() + bundle.cheapReadPath()))
                .timeout(Duration.ofSeconds(10)).build();
        long[] nanos = new long[count];
        for (int i = -warmUp; i < count; i++) {
            long begin = System.nanoTime();
            HttpResponse<byte[]> answer = http.send(prefill, HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - begin;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("pre-fill: " + answer.statusCode() + " " + new String(answer.body()));
            }
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        Arrays.sort(nanos);
        Map<String, Object> figures = Map.of("count", count, "p50", ms(nanos, 0.50), "p95", ms(nanos, 0.95),
                "p99", ms(nanos, 0.99), "max", ms(nanos, 1.0));
        JSON.writeValue(out.toFile(), figures);
        return figures;
    }

    /** The nearest-rank percentile of sorted durations, in ms. */
    private static double ms(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile * sorted.length);
        return sorted[Math.max(rank, 1) - 1] / 1_000_000.0;
    }
}
