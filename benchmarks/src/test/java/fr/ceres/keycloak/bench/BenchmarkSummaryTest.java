package fr.ceres.keycloak.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BenchmarkSummaryTest {

    /** The shape of a Gatling report's js/stats.js, cut down to two requests. */
    private static final String STATS_JS = """
            var stats = {
                type: "GROUP",
            name: "All Requests",
            stats: { "name": "All Requests", "numberOfRequests": { "total": "2", "ok": "2", "ko": "0" } },
            contents: {
            "req_a": { type: "REQUEST", name: "refresh vanilla", stats: %s },
            "req_b": { type: "REQUEST", name: "refresh bundle", stats: %s },
            "req_c": { type: "GROUP", name: "attach bundle", stats: %s }
            }
            };

            function fillStats(stat){
                $("#numberOfRequests").append(stat.numberOfRequests.total);
            }
            """.formatted(stats(10, 20, 40), stats(15, 30, 40), stats(120, 180, 230));

    @Test
    @DisplayName("The figures of each request are read from stats.js, and the ratios are compared over base")
    void readsStatsJsAndComputesRatios() throws Exception {
        JsonNode root = BenchmarkSummary.statsOf(STATS_JS);
        String summary = BenchmarkSummary.summary(Path.of("report"), Map.of(
                "refresh vanilla", root.path("contents").path("req_a").path("stats"),
                "refresh bundle", root.path("contents").path("req_b").path("stats"),
                "attach bundle", root.path("contents").path("req_c").path("stats")), null);
        assertTrue(summary.contains("refresh vanilla"), summary);
        String ratio = summary.lines().filter(l -> l.contains("ratio bundle/vanilla")).skip(2).findFirst().orElseThrow();
        assertEquals("ratio bundle/vanilla 1.50 1.50 1.00", ratio.strip().replaceAll(" +", " "), summary);
        String attach = summary.lines().filter(l -> l.contains("attach bundle ")).findFirst().orElseThrow();
        assertEquals("attach, whole flow attach bundle 100 0 120 180 230", attach.strip().replaceAll(" +", " "), summary);
        assertTrue(summary.contains("not measured"), summary);
    }

    @Test
    @DisplayName("The sequential pre-fill's figures are printed to the microsecond")
    void printsTheSequentialPrefill() throws Exception {
        JsonNode prefill = new ObjectMapper().readTree("{\"count\": 2000, \"p50\": 0.41, \"p95\": 0.6, \"p99\": 0.873, \"max\": 4.2}");
        String summary = BenchmarkSummary.summary(Path.of("report"), Map.of(), prefill);
        assertTrue(summary.contains("2000 requests: p50 0.410 ms, p95 0.600 ms, p99 0.873 ms, max 4.200 ms"), summary);
    }

    private static String stats(int p50, int p95, int p99) {
        return ("{ \"numberOfRequests\": { \"total\": \"100\", \"ok\": \"100\", \"ko\": \"0\" },"
                + " \"percentiles1\": { \"ok\": \"%d\" }, \"percentiles3\": { \"ok\": \"%d\" }, \"percentiles4\": { \"ok\": \"%d\" } }")
                .formatted(p50, p95, p99);
    }
}
