package fr.ceres.keycloak.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keycloak's {@code /metrics} on the management port, read as Prometheus's text format: one sample a line,
 * {@code name{label="value",...} number}.
 */
public final class MetricsPage {

    public static final String URL = "http://localhost:9000/metrics";

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<String> lines;

    private MetricsPage(List<String> lines) {
        this.lines = lines;
    }

    /** The test framework's server's. */
    public static MetricsPage read() throws IOException, InterruptedException {
        return read(URL);
    }

    /** Those at {@code url}: a node's management port, {@code http://<host>:<port>/metrics}. */
    public static MetricsPage read(String url) throws IOException, InterruptedException {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new AssertionError(url + " answered " + page.statusCode() + ": " + page.body());
        }
        return new MetricsPage(page.body().lines().toList());
    }

    /** The sum of the samples named {@code name} whose labels include {@code labels}; 0 when there is none. */
    public double value(String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : lines) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(1).equals(name)
                    && labels(sample.group(2)).entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(sample.group(3));
            }
        }
        return sum;
    }

    public double value(String name) {
        return value(name, Map.of());
    }

    /** The sample lines (no comments) whose name starts with {@code prefix}. */
    public List<String> samples(String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).toList();
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text != null) {
            Matcher label = LABEL.matcher(text);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }
}
