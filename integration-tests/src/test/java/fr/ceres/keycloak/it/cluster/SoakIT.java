package fr.ceres.keycloak.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.ceres.keycloak.it.node.KeycloakNode;
import fr.ceres.keycloak.it.support.ActivatedAccounts;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CeresAuthorization;
import fr.ceres.keycloak.it.support.GeneratedSirets;
import fr.ceres.keycloak.it.support.HttpAttachSession;
import fr.ceres.keycloak.it.support.InviteByEmail;
import fr.ceres.keycloak.it.support.MetricsPage;
import fr.ceres.keycloak.it.support.PortalAccounts;
import fr.ceres.keycloak.it.support.PortalHttp;
import fr.ceres.keycloak.it.support.SignUpPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@link TwoNodeCluster} under a steady mix of what people do, for a while: sign-ins to Ceres, token refreshes,
 * pre-fills, sign-ups, redemptions of a centre's code, invitations sent and accepted. First a short closed loop
 * measures what the cluster sustains; then arrivals come at a fixed fraction of that (an open model: an answer
 * slow to come does not slow the arrivals), the latency of each counted from its arrival.
 *
 * <p>Every interval, each node's live heap (what survives a full collection) and the sizes of what it holds in memory (the
 * bundle's register cache and pre-fill limiter, Keycloak's caches) are read. Sign-ins end their session once a
 * set number are alive (the oldest is signed out), as people do, so that live sessions stay steady.
 *
 * <p>System properties: {@code soak.minutes} (2 by default, the CI's; the {@code soak} profile runs 30),
 * {@code soak.load} (the fraction of the measured capacity, 0.7), {@code soak.probe.seconds} (30).
 */
@DisplayName("Two nodes under a steady mixed load")
class SoakIT {

    private static final double MINUTES = Double.parseDouble(System.getProperty("soak.minutes", "2"));
    private static final double LOAD = Double.parseDouble(System.getProperty("soak.load", "0.7"));
    private static final int PROBE_SECONDS = Integer.getInteger("soak.probe.seconds", 30);
    /**
     * The closed loop's users: many more than the nodes' cores, so that the cores are kept busy although an
     * invitation spends much of its time waiting for its email.
     */
    private static final int PROBE_USERS = 24;
    /** A run this long holds heap and latency to being flat; a shorter one only reports them. */
    private static final double FLAT_FROM_MINUTES = 10;
    /** The heap's baseline, and the latency's first window: once caches and pools are warm. */
    private static final double BASELINE_MINUTE = 5;
    private static final int GESTIONNAIRES = 8;
    /** The gestionnaires' colleagues invited before the run: with them, no one signs in more than every few seconds. */
    private static final int COLLEAGUES = 80;
    private static final int LIVE_SESSIONS = 40;
    private static final int SIGN_UP_COMPANIES = 20;
    /** Centres whose codes the run redeems, one each, known to the register: more than a long run needs. */
    private static final int CENTRES = 10_000;
    private static final int PREFILL_ADDRESSES = 500;
    /** The bounds the bundle's in-memory structures keep: the pre-fill limiter's clients, the register cache's two kinds. */
    private static final int MAX_TRACKED_CLIENTS = 10_000;
    private static final int MAX_REGISTER_CACHE = 2 * 10_000;
    /** What a page shows that says why: its heading, its alerts, its field errors. */
    private static final Pattern SHOWN = Pattern.compile(
            "<(?:h1|p|span|div)[^>]*(?:kc-page-title|kc-feedback-text|input-error)[^>]*>(.*?)</(?:h1|p|span|div)>", Pattern.DOTALL);
    /**
     * Keycloak's caches of accounts and sessions held to a few hundred entries, so that they reach their bound within
     * the first minutes, as they do on a node that has served for a while (their default bound, 10,000, takes
     * hours to fill at this rate): from then on, a heap that grows is something else holding on to memory. And the
     * invitations a centre may send in a day raised: eight centres send them all here.
     */
    private static final List<String> NODE_OPTIONS = List.of("--cache-embedded-users-max-count=500",
            "--cache-embedded-sessions-max-count=300", "--cache-embedded-client-sessions-max-count=300",
            "--spi-jpa-entity-provider--ceres-access--invitations-per-centre-per-day=10000");
    private static final Pattern CACHE_LABEL = Pattern.compile("cache=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TwoNodeCluster cluster;
    private static final List<String> GESTIONNAIRE_CENTRES = IntStream.range(0, GESTIONNAIRES)
            .mapToObj(c -> GeneratedSirets.firstEstablishment(930_000_000L + c)).toList();

    private final BlockingQueue<Gestionnaire> gestionnaires = new LinkedBlockingQueue<>();
    /**
     * Who signs in to Ceres: everyone holding a habilitation, the gestionnaires and those they invited. Keycloak's
     * brute-force protection refuses a sign-in while another of the same account is under way, so sign-ins go to
     * the people in turn, as many different people do.
     */
    private final List<String> signInPeople = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<String> refreshTokens = new ConcurrentLinkedDeque<>();
    private final AtomicLong centresUsed = new AtomicLong();
    /** Numbers every operation of the run, the probe's included: each makes its own accounts. */
    private final AtomicLong operations = new AtomicLong();
    private final AtomicLong signIns = new AtomicLong();
    private final HttpClient prefillClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startCluster() throws Exception {
        ArrayNode companies = TwoNodeCluster.demoRegister();
        GESTIONNAIRE_CENTRES.forEach(siret -> TwoNodeCluster.addCompany(companies, siret));
        for (int c = 0; c < SIGN_UP_COMPANIES; c++) {
            TwoNodeCluster.addCompany(companies, signUpCompany(c));
        }
        for (int c = 0; c < CENTRES; c++) {
            TwoNodeCluster.addCompany(companies, redeemedCentre(c));
        }
        cluster = TwoNodeCluster.start("ceres_soak_it", companies, NODE_OPTIONS);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @DisplayName("Given the two nodes at a steady fraction of their measured capacity, then nothing fails, every cache and limiter stays within its bound, and over a long run the live heap and the slowest answers stay flat")
    void steadyMixedLoad() throws Exception {
        for (int g = 0; g < GESTIONNAIRES; g++) {
            String email = "soak-gestionnaire-" + g + "@centres.fr";
            cluster.makeGestionnaire(email, "Gestionnaire", "Numéro" + g, GESTIONNAIRE_CENTRES.get(g), List.of());
            Browser browser = cluster.browser(g);
            browser.http().signIn(email, Applicant.PASSWORD);
            gestionnaires.add(new Gestionnaire(browser.http(), GESTIONNAIRE_CENTRES.get(g)));
            signInPeople.add(email);
        }
        inviteColleagues();
        warmRegisterCaches();
        Recorder recorder = new Recorder();
        double capacity = probe(recorder);
        assertEquals(List.of(), recorder.errors(), "the probe's operations");
        double rate = LOAD * capacity;
        System.out.printf(Locale.ROOT, "[soak] capacity %.1f operations/s (closed loop of %d users for %d s); arrivals at %.1f/s for %.1f min%n",
                capacity, PROBE_USERS, PROBE_SECONDS, rate, MINUTES);

        Recorder soak = new Recorder();
        List<Reading> readings = new ArrayList<>();
        double interval = Math.max(0.25, Math.min(1, MINUTES / 6));
        ExecutorService workers = Executors.newFixedThreadPool(64);
        ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
        arrivals.scheduleAtFixedRate(() -> {
            long arrived = System.nanoTime();
            long n = operations.getAndIncrement();
            workers.execute(() -> soak.run(Kind.of(n), arrived, () -> operate(Kind.of(n), n)));
        }, 0, Math.round(1e9 / rate), TimeUnit.NANOSECONDS);
        try {
            for (double at = interval; at <= MINUTES + 1e-9; at += interval) {
                Thread.sleep(Math.max(0, Math.round((at - soak.minute()) * 60_000)));
                Reading reading = read(at, soak.window(at - interval, at));
                readings.add(reading);
                System.out.println("[soak] " + reading);
            }
        } finally {
            arrivals.shutdownNow();
            workers.shutdown();
            workers.awaitTermination(3, TimeUnit.MINUTES);
        }

        System.out.printf(Locale.ROOT, "[soak] %d operations in %.1f min: %s; errors: %d%n", soak.count(), MINUTES, soak.byKind(),
                soak.errors().size());
        assertEquals(List.of(), soak.errors(), "every operation answered as it should");
        for (Reading reading : readings) {
            for (NodeReading node : reading.nodes()) {
                assertTrue(node.trackedClients() <= MAX_TRACKED_CLIENTS, "pre-fill limiter: " + reading);
                assertTrue(node.registerCache() <= MAX_REGISTER_CACHE, "register cache: " + reading);
            }
        }
        if (MINUTES >= FLAT_FROM_MINUTES) {
            Reading baseline = readings.stream().filter(r -> r.minute() >= BASELINE_MINUTE).findFirst().orElseThrow();
            Reading last = readings.get(readings.size() - 1);
            for (int i = 0; i < baseline.nodes().size(); i++) {
                long from = baseline.nodes().get(i).heap();
                long to = last.nodes().get(i).heap();
                assertTrue(Math.abs(to - from) <= from / 10, TwoNodeCluster.NAMES.get(i) + "'s live heap from minute "
                        + baseline.minute() + " to " + last.minute() + ": " + mb(from) + " → " + mb(to));
            }
            double early = soak.p99Between(baseline.minute(), 2 * BASELINE_MINUTE);
            double late = soak.p99Between(MINUTES - BASELINE_MINUTE, MINUTES);
            System.out.printf(Locale.ROOT, "[soak] p99 minutes %.0f–%.0f: %.0f ms; last %.0f minutes: %.0f ms%n", baseline.minute(),
                    2 * BASELINE_MINUTE, early, BASELINE_MINUTE, late);
            assertTrue(late <= 1.5 * early, "p99 drifting upward: " + early + " ms → " + late + " ms");
        }
    }

    /** Each gestionnaire invites colleagues, who accept: people enough to sign in in turn. */
    private void inviteColleagues() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(GESTIONNAIRES);
        try {
            List<Future<?>> invited = new ArrayList<>();
            for (int i = 0; i < COLLEAGUES; i++) {
                invited.add(threads.submit(() -> {
                    invite(operations.getAndIncrement());
                    return null;
                }));
            }
            for (Future<?> invitation : invited) {
                invitation.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * The sign-up companies in each node's register cache, as after a day of service: an anonymous pre-fill of a SIRET
     * not kept yet is refused when the register's call budget is busy, by design, and this run measures the rest.
     */
    private void warmRegisterCaches() throws Exception {
        long tries = 0;
        for (int node = 0; node < cluster.nodes().size(); node++) {
            for (int c = 0; c < SIGN_UP_COMPANIES; c++) {
                // Each try from another address, on the same node.
                while (prefillStatus(node + 2 * tries++, c) != 200) {
                    Thread.sleep(200);
                }
            }
        }
    }

    /** The operations a closed loop of users completes in a second, each starting the next as soon as one ends. */
    private double probe(Recorder recorder) throws InterruptedException {
        ExecutorService users = Executors.newFixedThreadPool(PROBE_USERS);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROBE_SECONDS);
        for (int u = 0; u < PROBE_USERS; u++) {
            users.execute(() -> {
                while (System.nanoTime() < until) {
                    long n = operations.getAndIncrement();
                    recorder.run(Kind.of(n), System.nanoTime(), () -> operate(Kind.of(n), n));
                }
            });
        }
        users.shutdown();
        users.awaitTermination(PROBE_SECONDS + 180, TimeUnit.SECONDS);
        return recorder.count() / (double) PROBE_SECONDS;
    }

    private void operate(Kind kind, long n) throws Exception {
        switch (kind) {
            case LOGIN -> login(n);
            case REFRESH -> refresh(n);
            case PREFILL -> prefill(n);
            case SIGN_UP -> signUp(n);
            case REDEMPTION -> redeem(n);
            case INVITATION -> invite(n);
        }
    }

    /** A gestionnaire signs in to Ceres (code flow with PKCE) and Ceres exchanges the code; the oldest live session signs out. */
    private void login(long n) throws Exception {
        PortalHttp browser = cluster.browser((int) n).http();
        String verifier = CeresAuthorization.randomVerifier();
        HttpResponse<String> callback = browser.signInFrom(TwoNodeCluster.REALM_URL + "/protocol/openid-connect/auth?client_id=ceres"
                        + "&response_type=code&scope=openid&redirect_uri=" + encode(TwoNodeCluster.CALLBACK)
                        + "&code_challenge_method=S256&code_challenge=" + CeresAuthorization.challenge(verifier),
                signInPeople.get((int) (signIns.getAndIncrement() % signInPeople.size())), Applicant.PASSWORD,
                url -> url.startsWith(TwoNodeCluster.CALLBACK));
        String location = callback.headers().firstValue("Location").orElse("");
        if (callback.statusCode() != 302 || !location.contains("code=")) {
            throw new AssertionError("sign-in: " + callback.statusCode() + " " + location + " " + callback.body());
        }
        String code = location.substring(location.indexOf("code=") + 5).split("&")[0];
        JsonNode tokens = tokenRequest(browser, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", TwoNodeCluster.CALLBACK, "code_verifier", verifier));
        refreshTokens.addLast(tokens.get("refresh_token").asText());
        if (refreshTokens.size() > LIVE_SESSIONS) {
            String oldest = refreshTokens.pollFirst();
            if (oldest != null) {
                HttpResponse<String> out = browser.post(TwoNodeCluster.REALM_URL + "/protocol/openid-connect/logout",
                        clientForm(Map.of("refresh_token", oldest)));
                if (out.statusCode() != 204) {
                    throw new AssertionError("sign-out: " + out.statusCode() + " " + out.body());
                }
            }
        }
    }

    /** Ceres refreshes a live session's tokens; with none alive yet, a sign-in takes its place. */
    private void refresh(long n) throws Exception {
        String token = refreshTokens.pollFirst();
        if (token == null) {
            login(n);
            return;
        }
        JsonNode tokens = tokenRequest(cluster.browser((int) n).http(), Map.of("grant_type", "refresh_token", "refresh_token", token));
        refreshTokens.addLast(tokens.get("refresh_token").asText());
    }

    /** The sign-up page's pre-fill of a company the register knows, from one of many client addresses. */
    private void prefill(long n) throws Exception {
        int status = prefillStatus(n, (int) (n / 2 % SIGN_UP_COMPANIES));
        if (status != 200) {
            throw new AssertionError("pre-fill: " + status);
        }
    }

    /** The answer to a pre-fill of sign-up company {@code company} sent to node {@code n % 2}, from address {@code n % 500}. */
    private int prefillStatus(long n, int company) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.nodeRealmUrl((int) n) + "/company-register/"
                        + signUpCompany(company)))
                .header("X-Forwarded-For", "10.88." + n % PREFILL_ADDRESSES / 250 + "." + (n % 250 + 1))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return prefillClient.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void signUp(long n) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(SignUpPage.postedFields("soak-inscription-" + n + "@cfa-exemple.fr"));
        fields.put("siret", signUpCompany((int) (n % SIGN_UP_COMPANIES)));
        SignUpPage.signUp(cluster.browser((int) n).http(), TwoNodeCluster.REALM_URL, fields);
    }

    /** An agent registers a centre and issues its code; a new account redeems it and becomes its gestionnaire. */
    private void redeem(long n) throws Exception {
        long c = centresUsed.getAndIncrement();
        if (c >= CENTRES) {
            throw new AssertionError("no centre left to redeem: raise SoakIT.CENTRES");
        }
        String siret = redeemedCentre((int) c);
        String email = "soak-centre-" + c + "@centres.fr";
        ActivatedAccounts.create(cluster.admin((int) n), email);
        String code = cluster.letters((int) n).registerAndIssue(siret);
        HttpAttachSession session = new HttpAttachSession(cluster.browser((int) n).http(), TwoNodeCluster.REALM_URL,
                TwoNodeCluster.CALLBACK).signIn(email, Applicant.PASSWORD);
        HttpResponse<String> attached = session.attach(siret, code);
        if (!session.givesCode(attached)) {
            throw new AssertionError("redemption: " + session.pageAfter(attached));
        }
    }

    /** A gestionnaire invites a person of the centre by email; the person, signed in, accepts from the emailed link. */
    private void invite(long n) throws Exception {
        String email = "soak-invite-" + n + "@centres.fr";
        Gestionnaire gestionnaire = gestionnaires.take();
        try {
            PortalAccounts.create(cluster.admin((int) n), email, "Invité", "Numéro" + n, gestionnaire.centre());
            String access = TwoNodeCluster.accessPage(gestionnaire.centre());
            String csrf = PortalHttp.csrfOf(gestionnaire.browser().get(access).body());
            HttpResponse<String> invited = gestionnaire.browser().post(access + "/inviter",
                    InviteByEmail.form(csrf, email, "gestionnaire", gestionnaire.centre()));
            if (invited.statusCode() != 303) {
                throw new AssertionError("invitation: " + invited.statusCode() + " " + invited.body());
            }
        } finally {
            gestionnaires.add(gestionnaire);
        }
        String link = cluster.mailbox().awaitMessage(email, 1).invitationLink();
        PortalHttp invitee = cluster.browser((int) n).http().signIn(email, Applicant.PASSWORD);
        HttpResponse<String> confirm = invitee.follow(invitee.get(link));
        HttpResponse<String> accepted = invitee.post(TwoNodeCluster.REALM_URL + "/ceres-portal/invitation",
                Map.of("key", link.substring(link.indexOf("key=") + 4), "csrf", PortalHttp.csrfOf(confirm.body())));
        if (accepted.statusCode() != 303) {
            throw new AssertionError("acceptance: " + accepted.statusCode() + " " + accepted.body());
        }
        signInPeople.add(email);
    }

    private JsonNode tokenRequest(PortalHttp browser, Map<String, String> grant) throws Exception {
        HttpResponse<String> answer = browser.post(TwoNodeCluster.REALM_URL + "/protocol/openid-connect/token", clientForm(grant));
        if (answer.statusCode() != 200) {
            throw new AssertionError(grant.get("grant_type") + ": " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private static Map<String, String> clientForm(Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("client_id", "ceres");
        form.put("client_secret", cluster.ceresSecret());
        return form;
    }

    /** Each node's live heap and in-memory sizes, and the operations of the interval just ended. */
    private static Reading read(double minute, Recorder.Window window) throws Exception {
        List<NodeReading> nodes = new ArrayList<>();
        List<MetricsPage> metrics = cluster.metrics();
        for (int i = 0; i < cluster.nodes().size(); i++) {
            KeycloakNode node = cluster.nodes().get(i);
            MetricsPage page = metrics.get(i);
            Map<String, Long> caches = new LinkedHashMap<>();
            for (String sample : page.samples("vendor_statistics_approximate_entries{")) {
                Matcher cache = CACHE_LABEL.matcher(sample);
                if (cache.find()) {
                    caches.put(cache.group(1), (long) Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1)));
                }
            }
            nodes.add(new NodeReading(node.liveHeap(), (long) page.value("ceres_prefill_clients_tracked"),
                    (long) page.value("ceres_register_cache_entries"), caches));
        }
        return new Reading(minute, window, nodes);
    }

    private static String signUpCompany(int c) {
        return GeneratedSirets.firstEstablishment(940_000_000L + c);
    }

    private static String redeemedCentre(int c) {
        return GeneratedSirets.firstEstablishment(950_000_000L + c);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String mb(long bytes) {
        return bytes / (1024 * 1024) + " MB";
    }

    /** What people do, and how often out of a hundred arrivals. */
    enum Kind {
        LOGIN(20), REFRESH(40), PREFILL(20), SIGN_UP(10), REDEMPTION(5), INVITATION(5);

        private final int share;

        Kind(int share) {
            this.share = share;
        }

        /**
         * The kind of the {@code n}-th arrival: each hundred arrivals hold every kind its share of times, the kinds
         * interleaved (37 and 100 have no common factor: {@code 37 n mod 100} goes through every slot once).
         */
        static Kind of(long n) {
            long slot = n * 37 % 100;
            for (Kind kind : values()) {
                if (slot < kind.share) {
                    return kind;
                }
                slot -= kind.share;
            }
            throw new IllegalStateException("shares add up to 100");
        }
    }

    /** A gestionnaire signed in to the portal, and the centre they manage. */
    record Gestionnaire(PortalHttp browser, String centre) {
    }

    /** One node at one reading. */
    record NodeReading(long heap, long trackedClients, long registerCache, Map<String, Long> caches) {
        @Override
        public String toString() {
            return "live heap " + mb(heap) + ", pre-fill clients " + trackedClients + ", register cache "
                    + registerCache + ", Keycloak's caches " + caches;
        }
    }

    /** Both nodes at one reading, and the interval's operations. */
    record Reading(double minute, Recorder.Window window, List<NodeReading> nodes) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "minute %.1f: %s; %s", minute, window,
                    TwoNodeCluster.NAMES.get(0) + " " + nodes.get(0) + "; " + TwoNodeCluster.NAMES.get(1) + " " + nodes.get(1));
        }
    }

    /** Every operation's kind, end and latency, and what failed. */
    static final class Recorder {

        private final long startedAt = System.nanoTime();
        private final ConcurrentLinkedQueue<Done> done = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

        interface Operation {
            void run() throws Exception;
        }

        void run(Kind kind, long arrivedAt, Operation operation) {
            try {
                operation.run();
                done.add(new Done(kind, minute(), (System.nanoTime() - arrivedAt) / 1e6));
            } catch (Exception | AssertionError e) {
                if (errors.size() < 20) {
                    errors.add(kind + ": " + summary(String.valueOf(e)));
                } else {
                    errors.add(kind.name());
                }
            }
        }

        long count() {
            return done.size();
        }

        /** An error short enough to read: a page's heading and messages rather than its whole HTML. */
        private static String summary(String error) {
            int html = error.indexOf("<!DOCTYPE");
            if (html < 0) {
                return error.length() > 400 ? error.substring(0, 400) + "…" : error;
            }
            List<String> shown = new ArrayList<>();
            Matcher text = SHOWN.matcher(error);
            while (text.find()) {
                shown.add(text.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip());
            }
            return error.substring(0, html).strip() + " " + shown;
        }

        List<String> errors() {
            return List.copyOf(errors);
        }

        /** Per kind: how many ended, and their p50 and p99 in ms. */
        Map<Kind, String> byKind() {
            Map<Kind, String> kinds = new LinkedHashMap<>();
            for (Kind kind : Kind.values()) {
                List<Double> latencies = done.stream().filter(d -> d.kind() == kind).map(Done::latencyMs).sorted().toList();
                kinds.put(kind, String.format(Locale.ROOT, "%d, p50 %.0f ms, p99 %.0f ms", latencies.size(),
                        percentile(latencies, 0.50), percentile(latencies, 0.99)));
            }
            return kinds;
        }

        /** Minutes since the recorder was made. */
        double minute() {
            return (System.nanoTime() - startedAt) / 60e9;
        }

        /** The operations that ended from minute {@code from} to minute {@code to}. */
        Window window(double from, double to) {
            List<Double> latencies = latencies(from, to);
            return new Window(latencies.size(), (to - from) * 60, percentile(latencies, 0.50), percentile(latencies, 0.99), errors.size());
        }

        double p99Between(double from, double to) {
            return percentile(latencies(from, to), 0.99);
        }

        private List<Double> latencies(double from, double to) {
            return done.stream().filter(d -> d.minute() >= from && d.minute() < to).map(Done::latencyMs).sorted().toList();
        }

        private static double percentile(List<Double> sorted, double p) {
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
        }

        record Done(Kind kind, double minute, double latencyMs) {
        }

        record Window(int operations, double seconds, double p50, double p99, int errorsSoFar) {
            @Override
            public String toString() {
                return String.format(Locale.ROOT, "%.1f operations/s, p50 %.0f ms, p99 %.0f ms, %d errors so far",
                        operations / seconds, p50, p99, errorsSoFar);
            }
        }
    }
}
