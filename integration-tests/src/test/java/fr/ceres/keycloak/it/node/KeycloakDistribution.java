package fr.ceres.keycloak.it.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Keycloak distribution of this module's own, as an operator installs it: the release's zip unpacked once
 * under {@code target/}, the bundle's four jars in {@code providers/}, then {@code kc.sh build} with the given
 * build options. The build is skipped when neither the jars nor the options changed since the last one.
 * Paths come from the failsafe configuration: {@code keycloak.dist.zip}, {@code ceres.bundle.dir},
 * {@code project.build.directory}.
 */
public final class KeycloakDistribution {

    private static final List<String> BUNDLE_MODULES =
            List.of("spi-siret-attribute", "spi-activation-code", "spi-centre-access", "themes");

    private final Path home;
    private final Path logs;

    private KeycloakDistribution(Path home, Path logs) {
        this.home = home;
        this.logs = logs;
    }

    /** Unpacks (once), installs the bundle and builds with {@code buildOptions} (when they or the jars changed). */
    public static KeycloakDistribution built(List<String> buildOptions) throws IOException, InterruptedException {
        return built("keycloak-node", bundleJars(), buildOptions);
    }

    /**
     * The same under {@code target/<directory>}, with the bundle or without it (vanilla Keycloak, to compare the
     * bundle with: the benchmarks run both side by side).
     */
    public static KeycloakDistribution built(String directory, boolean withBundle, List<String> buildOptions)
            throws IOException, InterruptedException {
        return built(directory, withBundle ? bundleJars() : List.of(), buildOptions);
    }

    private static KeycloakDistribution built(String directory, List<Path> jars, List<String> buildOptions)
            throws IOException, InterruptedException {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        Path zip = Path.of(required("keycloak.dist.zip"));
        Path root = target.resolve(directory);
        Path home = root.resolve(zip.getFileName().toString().replace("-quarkus-dist", "").replace(".zip", ""));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            unzip(zip, root);
        }
        KeycloakDistribution distribution = new KeycloakDistribution(home, Files.createDirectories(target.resolve("node-logs")));
        String stamp = digests(jars) + String.join(" ", buildOptions);
        Path stampFile = home.resolve("ceres-build.stamp");
        // providers/ is left alone when nothing changed: a jar copied again, even the same, is newer than the build,
        // and start --optimized then refuses to start.
        if (!Files.exists(stampFile) || !Files.readString(stampFile).equals(stamp)) {
            distribution.installBundle(jars);
            distribution.build(buildOptions);
            Files.writeString(stampFile, stamp);
        }
        return distribution;
    }

    public Path home() {
        return home;
    }

    /** Where the nodes' logs are kept, one file per node start. */
    Path logs() {
        return logs;
    }

    /** Replaces providers/ with the bundle's packaged jars. */
    private void installBundle(List<Path> jars) throws IOException {
        Path providers = Files.createDirectories(home.resolve("providers"));
        try (Stream<Path> old = Files.list(providers)) {
            for (Path jar : old.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.delete(jar);
            }
        }
        for (Path jar : jars) {
            Files.copy(jar, providers.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String digests(List<Path> jars) throws IOException {
        StringBuilder digests = new StringBuilder();
        for (Path jar : jars) {
            digests.append(jar.getFileName()).append('=').append(sha256(jar)).append('\n');
        }
        return digests.toString();
    }

    /** The jar each module packaged: not its test helpers, sources, or the shade plugin's original. */
    static List<Path> bundleJars() throws IOException {
        Path bundle = Path.of(required("ceres.bundle.dir"));
        List<Path> jars = new ArrayList<>();
        for (String module : BUNDLE_MODULES) {
            try (Stream<Path> files = Files.list(bundle.resolve(module).resolve("target"))) {
                jars.add(files.filter(p -> {
                    String name = p.getFileName().toString();
                    return name.startsWith(module + "-") && name.endsWith(".jar")
                            && !name.endsWith("-tests.jar") && !name.endsWith("-sources.jar");
                }).findFirst().orElseThrow(() -> new IllegalStateException(
                        "no packaged jar in " + module + "/target: run mvn -B package -DskipTests first")));
            }
        }
        return jars;
    }

    private void build(List<String> buildOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(buildOptions);
        Path log = logs.resolve("build.log");
        Process build = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0) {
            build.destroyForcibly();
            throw new IllegalStateException("kc.sh build failed, see " + log + ":\n" + Files.readString(log));
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = into.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                if (file.getParent().getFileName().toString().equals("bin") && file.toString().endsWith(".sh")) {
                    file.toFile().setExecutable(true);
                }
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " not set (see integration-tests/pom.xml)");
        }
        return value;
    }
}
