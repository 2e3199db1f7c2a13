package fr.ceres.keycloak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The benchmark's figures in plain text: for each comparison of {@link BenchmarkNames}, each side's sample count,
 * failures and p50/p95/p99 (ms, successful requests), and the ratio of the compared side to the base. Read from
 * the newest Gatling report's {@code js/stats.js} (the figures its pages show, as a JavaScript object literal):
 * the report is written after the simulation has ended, so this runs as a build step after it rather than in the
 * simulation's {@code after} hook.
 *
 * <p>Arguments: Gatling's results folder, the summary file to write, the sequential pre-fill's figures (written by
 * the simulation; "not measured" when absent). The summary is also printed.
 */
public final class BenchmarkSummary {

    /** Gatling's default percentiles are 50, 75, 95, 99: percentiles1 to percentiles4. */
    private static final String P50 = "percentiles1";
    private static final String P95 = "percentiles3";
    private static final String P99 = "percentiles4";
    private static final String STATS = "js/stats.js";
    /** What follows the object in stats.js: the page's code filling its table. */
    private static final String AFTER_STATS = "function fillStats";
    private static final ObjectMapper JS_OBJECT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build();

    private BenchmarkSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path report = newestReport(Path.of(args[0]));
        Map<String, JsonNode> stats = new HashMap<>();
        collect(statsOf(Files.readString(report.resolve(STATS))), stats);
        Path sequential = Path.of(args[2]);
        String summary = summary(report, stats, Files.exists(sequential) ? JS_OBJECT.readTree(sequential.toFile()) : null);
        Files.writeString(Path.of(args[1]), summary);
        System.out.print(summary);
    }

    /** {@code prefill}: the sequential pre-fill's figures (count, p50, p95, p99, max in ms), or null if not measured. */
    static String summary(Path report, Map<String, JsonNode> stats, JsonNode prefill) {
        StringBuilder out = new StringBuilder();
        out.append("Ceres bundle vs vanilla Keycloak: ").append(report.toAbsolutePath()).append('\n');
        out.append("Latencies in ms over successful requests; ratio = compared / base.\n\n");
        String row = "%-42s %-22s %8s %6s %8s %8s %8s%n";
        out.append(String.format(Locale.ROOT, row, "scenario", "request", "count", "KO", "p50", "p95", "p99"));
        for (BenchmarkNames.Comparison comparison : BenchmarkNames.COMPARISONS) {
            Optional<JsonNode> base = Optional.ofNullable(stats.get(comparison.base()));
            Optional<JsonNode> compared = Optional.ofNullable(stats.get(comparison.compared()));
            out.append(String.format(Locale.ROOT, row, comparison.label(), comparison.base(), count(base, "total"), count(base, "ko"),
                    ms(base, P50), ms(base, P95), ms(base, P99)));
            out.append(String.format(Locale.ROOT, row, "", comparison.compared(), count(compared, "total"), count(compared, "ko"),
                    ms(compared, P50), ms(compared, P95), ms(compared, P99)));
            out.append(String.format(Locale.ROOT, row, "", "ratio " + comparison.ratioName(), "", "",
                    ratio(compared, base, P50), ratio(compared, base, P95), ratio(compared, base, P99)));
        }
        out.append("\nThe bundle's own scenarios (no vanilla counterpart):\n");
        for (BenchmarkNames.BundleOnly only : BenchmarkNames.BUNDLE_ONLY) {
            Optional<JsonNode> figures = Optional.ofNullable(stats.get(only.name()));
            out.append(String.format(Locale.ROOT, row, only.label(), only.name(), count(figures, "total"), count(figures, "ko"),
                    ms(figures, P50), ms(figures, P95), ms(figures, P99)));
        }
        out.append("\nPre-fill of a cached SIRET, one request at a time, after warm-up (goal: p99 <= 1 ms):\n");
        out.append(prefill == null ? "  not measured\n" : String.format(Locale.ROOT,
                "  %d requests: p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms%n", prefill.path("count").asInt(),
                prefill.path("p50").asDouble(), prefill.path("p95").asDouble(), prefill.path("p99").asDouble(),
                prefill.path("max").asDouble()));
        return out.toString();
    }

    /** The object of {@code var stats = {…};} in stats.js: JSON but for its unquoted keys. */
    static JsonNode statsOf(String script) throws IOException {
        int end = script.indexOf(AFTER_STATS);
        String object = script.substring(script.indexOf('{'), end < 0 ? script.length() : end).strip();
        return JS_OBJECT.readTree(object.endsWith(";") ? object.substring(0, object.length() - 1) : object);
    }

    /** Requests and groups by name, at any depth of groups. */
    private static void collect(JsonNode node, Map<String, JsonNode> stats) {
        if (node.has("stats") && node.has("name")) {
            stats.put(node.get("name").asText(), node.get("stats"));
        }
        node.path("contents").forEach(child -> collect(child, stats));
    }

    private static Path newestReport(Path results) throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(run -> Files.exists(run.resolve(STATS)))
                    .max(Comparator.comparing(run -> run.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no Gatling report in " + results));
        }
    }

    private static String count(Optional<JsonNode> stats, String which) {
        return stats.map(s -> s.path("numberOfRequests").path(which).asText()).orElse("-");
    }

    private static String ms(Optional<JsonNode> stats, String percentile) {
        return stats.map(s -> s.path(percentile).path("ok").asText()).orElse("-");
    }

    private static String ratio(Optional<JsonNode> compared, Optional<JsonNode> base, String percentile) {
        if (compared.isEmpty() || base.isEmpty()) {
            return "-";
        }
        double over = base.get().path(percentile).path("ok").asDouble();
        return over == 0 ? "-" : String.format(Locale.ROOT, "%.2f", compared.get().path(percentile).path("ok").asDouble() / over);
    }
}
