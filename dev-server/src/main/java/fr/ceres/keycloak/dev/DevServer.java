package fr.ceres.keycloak.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The development launcher behind the README's "run" command: a mail server and its web viewer, then Keycloak
 * (start-dev, H2 file database under the unpacked distribution's data/) with the bundle's providers and realm.
 * Ctrl-C, or Keycloak stopping by itself, stops everything it started.
 *
 * <p>Configured by system properties, set by the dev-server pom: {@code ceres.keycloak.home},
 * {@code ceres.realm.file}, {@code ceres.providers.staging}, {@code ceres.start.timeout} (seconds),
 * {@code ceres.bundle.version}, {@code ceres.company.register.provider} (empty: not set), {@code ceres.keycloak.args}
 * (more start-dev options).
 * Keycloak inherits this process's environment, so any {@code KC_*} variable passes through.</p>
 */
public final class DevServer {

    static final String REALM = "mes-demarches";
    static final int HTTP_PORT = 8080;
    static final int SMTP_PORT = 3025;
    static final int VIEWER_PORT = 8025;
    static final String DEMO_SIRET = "73282932000074";
    static final String BASE_URL = "http://localhost:" + HTTP_PORT;

    private final Path keycloakHome;
    private final Path realmFile;
    private final Path providersStaging;
    private final Duration startTimeout;
    private final long startedAt = System.nanoTime();

    private final Object lock = new Object();
    private volatile boolean shuttingDown;
    private DevMailServer mailServer;
    private MailViewer mailViewer;
    private Process keycloak;
    /** Keycloak's JVM and any other child of kc.sh, remembered: they outlive kc.sh if it dies first (SIGHUP). */
    private final Set<ProcessHandle> keycloakTree = ConcurrentHashMap.newKeySet();
    private boolean stopped;

    private DevServer(Path keycloakHome, Path realmFile, Path providersStaging, Duration startTimeout) {
        this.keycloakHome = keycloakHome;
        this.realmFile = realmFile;
        this.providersStaging = providersStaging;
        this.startTimeout = startTimeout;
    }

    public static void main(String[] args) throws InterruptedException {
        DevServer server = new DevServer(
                path("ceres.keycloak.home"),
                path("ceres.realm.file"),
                path("ceres.providers.staging"),
                Duration.ofSeconds(Long.getLong("ceres.start.timeout", 240)));
        int status = server.run();
        if (status != 0) {
            // Thrown rather than System.exit(): under exec:java this is Maven's own JVM, which then reports the
            // failure and exits non-zero.
            throw new DevServerException("Le serveur de développement s'est arrêté en erreur (voir ci-dessus).");
        }
    }

    /** Runs until Keycloak stops; returns the exit status to report, never returns while shutting down. */
    int run() throws InterruptedException {
        Thread hook = new Thread(() -> {
            shuttingDown = true;
            stopAll();
        }, "ceres-dev-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int status = 1;
        String error = null;
        try {
            status = runUntilKeycloakStops();
        } catch (DevServerException e) {
            error = e.getMessage();
        } finally {
            if (shuttingDown) {
                parkUntilExit();
            }
            stopAll();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                parkUntilExit();
            }
        }
        if (error != null) {
            System.err.println();
            System.err.println("[ceres-dev] ERREUR : " + error);
            System.err.println();
            return 1;
        }
        return status;
    }

    private int runUntilKeycloakStops() throws InterruptedException {
        checkLayout();
        checkPortsFree();
        installProviders();
        installRealm();

        synchronized (lock) {
            if (shuttingDown) {
                return 0;
            }
            mailServer = new DevMailServer("127.0.0.1", SMTP_PORT);
            mailServer.start();
            mailViewer = new MailViewer(mailServer, VIEWER_PORT);
            mailViewer.start();
        }
        log("Serveur SMTP de développement sur localhost:" + SMTP_PORT + ", boîte mail sur http://localhost:"
                + VIEWER_PORT + "/");

        synchronized (lock) {
            if (shuttingDown) {
                return 0;
            }
            keycloak = startKeycloak();
        }
        awaitRealm();
        printBanner();

        rememberKeycloakTree();
        int status = keycloak.waitFor();
        // Ctrl-C reaches Keycloak and this JVM together: let the shutdown hook, if it is coming, do the talking.
        Thread.sleep(500);
        if (shuttingDown) {
            parkUntilExit();
        }
        System.err.println();
        System.err.println("[ceres-dev] Keycloak s'est arrêté de lui-même (code " + status + ") : arrêt du reste.");
        return status == 0 ? 0 : 1;
    }

    // ---------------------------------------------------------------- preparation

    private void checkLayout() {
        Path kc = keycloakHome.resolve("bin").resolve(isWindows() ? "kc.bat" : "kc.sh");
        if (!Files.isRegularFile(kc)) {
            throw new DevServerException("Keycloak introuvable (" + kc + "). Lancez la commande depuis la racine du "
                    + "dépôt : mvn -B package -DskipTests -Prun");
        }
        if (!Files.isRegularFile(realmFile)) {
            throw new DevServerException("Fichier du realm introuvable : " + realmFile
                    + " (la propriété Maven ceres.realm.file peut désigner un autre fichier).");
        }
        if (!Files.isDirectory(providersStaging)) {
            throw new DevServerException("Jars du bundle introuvables (" + providersStaging + ").");
        }
    }

    /** Says clearly which port is taken, instead of a half-started environment. */
    private static void checkPortsFree() {
        List<String> busy = new ArrayList<>();
        if (!canBind(null, HTTP_PORT)) {
            busy.add(HTTP_PORT + " (Keycloak)");
        }
        if (!canBind(InetAddress.getLoopbackAddress(), SMTP_PORT)) {
            busy.add(SMTP_PORT + " (SMTP de développement)");
        }
        if (!canBind(InetAddress.getLoopbackAddress(), VIEWER_PORT)) {
            busy.add(VIEWER_PORT + " (boîte mail)");
        }
        if (!busy.isEmpty()) {
            throw new DevServerException("Port(s) déjà utilisé(s) : " + String.join(", ", busy)
                    + ". Un autre Keycloak ou une suite de tests tourne-t-il déjà ?");
        }
    }

    private static boolean canBind(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Puts the staged provider jars into Keycloak's providers/ and removes older copies of them (other versions).
     * A jar whose content did not change is left untouched: Keycloak then skips its rebuild (re-augmentation).
     */
    private void installProviders() {
        Path providers = keycloakHome.resolve("providers");
        // Only this build's version: the staging folder may still hold jars of an earlier version.
        String version = System.getProperty("ceres.bundle.version", "");
        List<Path> staged = list(providersStaging, version.isEmpty() ? "*.jar" : "*-" + version + ".jar");
        if (staged.isEmpty()) {
            throw new DevServerException("Aucun jar du bundle dans " + providersStaging + ".");
        }
        try {
            Files.createDirectories(providers);
            for (Path jar : staged) {
                String name = jar.getFileName().toString();
                String artifactId = artifactId(name);
                for (Path old : list(providers, artifactId + "*.jar")) {
                    String oldName = old.getFileName().toString();
                    if (!oldName.equals(name) && artifactId(oldName).equals(artifactId)) {
                        Files.delete(old);
                        log("Ancienne copie retirée de providers/ : " + oldName);
                    }
                }
                Path target = providers.resolve(name);
                if (Files.isRegularFile(target) && Files.mismatch(jar, target) == -1L) {
                    continue;
                }
                Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                log("Provider installé : providers/" + name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "spi-activation-code-0.1.0-SNAPSHOT.jar" → "spi-activation-code": the name up to its first digit segment. */
    static String artifactId(String jarName) {
        String base = jarName.endsWith(".jar") ? jarName.substring(0, jarName.length() - 4) : jarName;
        String[] parts = base.split("-");
        StringBuilder id = new StringBuilder();
        for (String part : parts) {
            if (!part.isEmpty() && Character.isDigit(part.charAt(0)) && id.length() > 0) {
                break;
            }
            id.append(id.length() > 0 ? "-" : "").append(part);
        }
        return id.toString();
    }

    /**
     * Copies the realm file where --import-realm reads it. Keycloak imports it only when the realm does not exist
     * yet, so a changed file over an existing database is pointed out.
     */
    private void installRealm() {
        Path data = keycloakHome.resolve("data");
        Path importDir = data.resolve("import");
        Path target = importDir.resolve("realm-export.json");
        try {
            Files.createDirectories(importDir);
            boolean changed = Files.isRegularFile(target) && Files.mismatch(realmFile, target) != -1L;
            if (changed && Files.isDirectory(data.resolve("h2"))) {
                log("ATTENTION : " + realmFile.getFileName() + " a changé, mais Keycloak ne réimporte pas un realm qui "
                        + "existe déjà. Pour repartir du nouveau fichier : rm -rf " + data.resolve("h2"));
            }
            Files.copy(realmFile, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir, String glob) {
        List<Path> result = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return result;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
            stream.forEach(result::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        result.sort(null);
        return result;
    }

    // ---------------------------------------------------------------- Keycloak

    private Process startKeycloak() {
        List<String> command = new ArrayList<>();
        if (isWindows()) {
            command.addAll(List.of("cmd.exe", "/c", keycloakHome.resolve("bin").resolve("kc.bat").toString()));
        } else {
            command.add(keycloakHome.resolve("bin").resolve("kc.sh").toString());
        }
        command.addAll(List.of(
                "start-dev",
                "--import-realm",
                "--db=dev-file",
                "--http-port=" + HTTP_PORT));
        String register = System.getProperty("ceres.company.register.provider", "static-file").trim();
        if (!register.isEmpty()) {
            // Offline demo company data by default: the bundle's static-file provider with its bundled demo set.
            command.add("--spi-company-register--provider=" + register);
        }
        String extra = System.getProperty("ceres.keycloak.args", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(keycloakHome.toFile())
                .inheritIO();
        Map<String, String> env = builder.environment();
        // Honoured by Keycloak only when it creates the master realm (first start); a KC_* of the caller wins.
        env.putIfAbsent("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.putIfAbsent("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        // Read by realm-export.json's ${CERES_SMTP_HOST:...} placeholders.
        env.putIfAbsent("CERES_SMTP_HOST", "localhost");
        env.putIfAbsent("CERES_SMTP_PORT", String.valueOf(SMTP_PORT));

        log("Démarrage de Keycloak : " + String.join(" ", command));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new DevServerException("Impossible de lancer Keycloak : " + e.getMessage());
        }
    }

    /** Polls the realm's discovery document until it answers 200, Keycloak dies, or the time is up. */
    private void awaitRealm() throws InterruptedException {
        URI discovery = URI.create(BASE_URL + "/realms/" + REALM + "/.well-known/openid-configuration");
        URI master = URI.create(BASE_URL + "/realms/master/.well-known/openid-configuration");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + startTimeout.toNanos();
        long masterSince = 0;
        while (true) {
            if (shuttingDown) {
                parkUntilExit();
            }
            if (!keycloak.isAlive()) {
                throw new DevServerException("Keycloak s'est arrêté pendant son démarrage (code " + keycloak.exitValue()
                        + ") : voir son journal ci-dessus.");
            }
            rememberKeycloakTree();
            int status = status(client, discovery);
            if (status == 200) {
                return;
            }
            if (status == 404 && status(client, master) == 200) {
                // Keycloak answers but the realm is not there: the import did not create it.
                if (masterSince == 0) {
                    masterSince = System.nanoTime();
                } else if (System.nanoTime() - masterSince > TimeUnit.SECONDS.toNanos(20)) {
                    throw new DevServerException("Keycloak a démarré mais le realm « " + REALM + " » n'existe pas : "
                            + "vérifiez " + realmFile + " (nom du realm, journal d'import ci-dessus).");
                }
            }
            if (System.nanoTime() > deadline) {
                throw new DevServerException("Keycloak ne répond toujours pas sur " + discovery + " après "
                        + startTimeout.toSeconds() + " s (propriété Maven ceres.start.timeout pour attendre plus).");
            }
            Thread.sleep(1000);
        }
    }

    private static int status(HttpClient client, URI uri) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        }
    }

    private void printBanner() {
        String account = BASE_URL + "/realms/" + REALM + "/account/";
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt);
        String line = "=".repeat(100);
        String banner = "\n" + line + "\n"
                + " Ceres : environnement de développement prêt (Keycloak démarré en " + seconds + " s)\n\n"
                + " Créer un compte       " + account + "\n"
                + "                       puis « Créer mon compte » sur la page de connexion\n"
                + " Espace personnel      " + account + "\n"
                + " Boîte mail (dév.)     http://localhost:" + VIEWER_PORT + "/   (tous les emails envoyés par Keycloak)\n"
                + " Console d'admin       " + BASE_URL + "/admin/   (admin / admin)\n"
                + " SIRET de démo         " + DEMO_SIRET + "\n\n"
                + " Ctrl-C arrête tout. Données conservées dans " + keycloakHome.resolve("data")
                + "\n (rm -rf .run pour repartir de zéro).\n"
                + line + "\n";
        System.out.println(banner);
        System.out.flush();
    }

    // ---------------------------------------------------------------- stopping

    /** Stops, once, everything this launcher started: Keycloak and its child processes, then the mail server. */
    private void stopAll() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
            if (keycloak == null && mailServer == null) {
                return;
            }
            if (keycloak != null) {
                stopKeycloak(keycloak);
            }
            if (mailViewer != null) {
                mailViewer.stop();
            }
            if (mailServer != null) {
                mailServer.stop();
            }
            log("Tout est arrêté.");
        }
    }

    private void rememberKeycloakTree() {
        keycloak.descendants().forEach(keycloakTree::add);
    }

    private void stopKeycloak(Process process) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(keycloakTree::add);
        tree.addAll(keycloakTree);
        tree.removeIf(handle -> !handle.isAlive());
        if (tree.isEmpty()) {
            return;
        }
        log("Arrêt de Keycloak…");
        // SIGTERM: kc.sh forwards it to the JVM, which shuts down cleanly (H2 closed properly).
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, Duration.ofSeconds(30))) {
            log("Keycloak ne s'arrête pas : arrêt forcé.");
            tree.forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, Duration.ofSeconds(10));
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : processes) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                // onExit() does not fail; nothing to wait for.
            }
        }
        return processes.stream().noneMatch(ProcessHandle::isAlive);
    }

    /**
     * While the JVM shuts down (Ctrl-C), the shutdown hook does the stopping: the main thread must not return,
     * since exec:java would then close the class loader the hook still needs.
     */
    private static void parkUntilExit() {
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException ignored) {
                // keep waiting for the JVM to exit
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new DevServerException("Propriété système manquante : " + property
                    + " (lancez le serveur par Maven : mvn -B package -DskipTests -Prun)");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static void log(String message) {
        System.out.println("[ceres-dev] " + message);
        System.out.flush();
    }
}
