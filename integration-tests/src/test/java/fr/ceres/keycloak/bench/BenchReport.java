package fr.ceres.keycloak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;

import org.keycloak.common.Version;

/** What every benchmark report says first: when, on what machine, under what load, with what Java. */
final class BenchReport {

    private BenchReport() {
    }

    static StringBuilder start(String title) {
        return new StringBuilder()
                .append(title).append('\n')
                .append(String.format("date      %s%n", OffsetDateTime.now().withNano(0)))
                .append(String.format("machine   %d CPUs (nproc), %s, %s %s %s%n", Runtime.getRuntime().availableProcessors(),
                        cpuModel(), System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch")))
                .append(String.format("load      %s (/proc/loadavg at the end; counts this run's own Keycloak and test JVM too)%n", loadAverage()))
                .append(String.format("java      %s (%s), test JVM; server: Keycloak %s, distribution mode, dev-mem%n",
                        System.getProperty("java.version"), System.getProperty("java.vendor"), Version.VERSION));
    }

    /** Nearest rank: the smallest value that at least p % of the sorted values do not exceed. */
    static long percentile(long[] sorted, int p) {
        return sorted[(int) Math.ceil(p / 100.0 * sorted.length) - 1];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
