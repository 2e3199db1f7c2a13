package fr.ceres.keycloak.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
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
            "req_b": { type: "REQUEST", name: "refresh bundle", stats: %s }
            }
            };

            function fillStats(stat){
                $("#numberOfRequests").append(stat.numberOfRequests.total);
            }
            """.formatted(stats(10, 20, 40), stats(15, 30, 40));

    @Test
    @DisplayName("The figures of each request are read from stats.js, and the ratios are compared over base")
    void readsStatsJsAndComputesRatios() throws Exception {
        JsonNode root = BenchmarkSummary.statsOf(STATS_JS);
        String summary = BenchmarkSummary.summary(Path.of("report"), Map.of(
                "refresh vanilla", root.path("contents").path("req_a").path("stats"),
                "refresh bundle", root.path("contents").path("req_b").path("stats")));
        assertTrue(summary.contains("refresh vanilla"), summary);
        String ratio = summary.lines().filter(l -> l.contains("ratio bundle/vanilla")).skip(2).findFirst().orElseThrow();
        assertEquals("ratio bundle/vanilla 1.50 1.50 1.00", ratio.strip().replaceAll(" +", " "), summary);
    }

    private static String stats(int p50, int p95, int p99) {
        return ("{ \"numberOfRequests\": { \"total\": \"100\", \"ok\": \"100\", \"ko\": \"0\" },"
                + " \"percentiles1\": { \"ok\": \"%d\" }, \"percentiles3\": { \"ok\": \"%d\" }, \"percentiles4\": { \"ok\": \"%d\" } }")
                .formatted(p50, p95, p99);
    }
}
