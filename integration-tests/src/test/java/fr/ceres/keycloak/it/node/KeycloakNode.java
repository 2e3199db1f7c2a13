package fr.ceres.keycloak.it.node;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Keycloak server process started with {@code kc.sh start --optimized} from a {@link KeycloakDistribution},
 * on 127.0.0.1 with its own HTTP, management and cluster (JGroups) ports, so that several nodes can run on one
 * machine and one database. Secrets reach it through {@code environment} only, never its command line (which
 * any local user can read). Its output goes to {@code target/node-logs/<name>.log}.
 */
public final class KeycloakNode implements AutoCloseable {

    /** The ports of one node; {@code cluster} 0 for a node without cluster ({@code --cache=local}). */
    public record Ports(int http, int management, int cluster) {
    }

    /** Infinispan's line for each new cluster view: {@code [coordinator|view id] (members) [names]}. */
    private static final Pattern CLUSTER_VIEW =
            Pattern.compile("ISPN000094: Received new cluster view for channel \\S+: \\[[^\\]]*\\] \\((\\d+)\\) \\[[^\\]]*\\]");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Ports ports;
    /** The histogram's last line: "Total <instances> <bytes>". */
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)\\s*$", Pattern.MULTILINE);

    private final Process process;
    private final Path log;

    private KeycloakNode(String name, Ports ports, Process process, Path log) {
        this.name = name;
        this.ports = ports;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the node; {@code options} are the deployment's own (database URL, hostname, proxy…), the node's
     * address, ports and name are added here.
     */
    public static KeycloakNode start(KeycloakDistribution distribution, String name, Ports ports, List<String> options,
                                     Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>(List.of(distribution.home().resolve("bin/kc.sh").toString(),
                "start", "--optimized",
                "--http-host=127.0.0.1", "--http-port=" + ports.http(),
                "--http-management-port=" + ports.management()));
        // A single node built with --cache=local (cluster 0) has no cluster for these options to configure.
        if (ports.cluster() > 0) {
            command.addAll(List.of("--cache-embedded-network-bind-address=127.0.0.1",
                    "--cache-embedded-network-bind-port=" + ports.cluster(),
                    "--spi-cache-embedded--default--node-name=" + name));
        }
        command.addAll(options);
        Path log = distribution.logs().resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(distribution.home().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new KeycloakNode(name, ports, builder.start(), log);
    }

    /** {@code http://127.0.0.1:<http port>}, the node itself, bypassing any proxy. */
    public String directUrl() {
        return "http://127.0.0.1:" + ports.http();
    }

    public Ports ports() {
        return ports;
    }

    public Path log() {
        return log;
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    /** Waits until {@code /health/ready} on the management port answers 200; fails if the process ends first. */
    public KeycloakNode awaitReady(Duration timeout) throws IOException, InterruptedException {
        URI ready = URI.create("http://127.0.0.1:" + ports.management() + "/health/ready");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended with " + process.exitValue() + " before being ready:\n" + logText());
            }
            try {
                HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " not ready within " + timeout + ", see " + log);
    }

    /**
     * Waits until the last cluster view in the node's log has {@code members} members; returns that view as the log
     * says it (coordinator, view id, members).
     */
    public String awaitClusterView(int members, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String last = null;
            int size = 0;
            for (Matcher view = CLUSTER_VIEW.matcher(logText()); view.find(); ) {
                last = view.group();
                size = Integer.parseInt(view.group(1));
            }
            if (size == members) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " has no cluster view of " + members + " members within " + timeout + ", see " + log);
    }

    /** Waits for the process to end by itself (a refused start); returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running after " + timeout + ", see " + log);
        }
        return process.exitValue();
    }

    /**
     * The bytes of the server's live objects: {@code jcmd GC.class_histogram} collects the whole heap first and counts
     * only what survives, whatever the garbage of the moment; the collection pauses the node briefly.
     */
    public long liveHeap() throws IOException, InterruptedException {
        String pid = Long.toString(process.descendants().filter(p -> p.info().command().orElse("").endsWith("/java"))
                .findFirst().orElseThrow(() -> new AssertionError(name + " has no Java process")).pid());
        Matcher total = HISTOGRAM_TOTAL.matcher(jcmd(pid, "GC.class_histogram"));
        if (!total.find()) {
            throw new AssertionError("no histogram total from jcmd for " + name);
        }
        return Long.parseLong(total.group(1));
    }

    private static String jcmd(String pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", pid, command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new AssertionError("jcmd " + pid + " " + command + ": " + output);
        }
        return output;
    }

    /** SIGTERM, as an orchestrator stops a node: kc.sh forwards it to the server, which shuts down cleanly. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** SIGKILL to the server and its script, as a crashed machine: no shutdown, no leaving the cluster. */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
