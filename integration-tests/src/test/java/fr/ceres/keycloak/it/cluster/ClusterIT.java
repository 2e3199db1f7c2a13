package fr.ceres.keycloak.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.ceres.keycloak.it.node.KeycloakNode;
import fr.ceres.keycloak.it.support.ActivatedAccounts;
import fr.ceres.keycloak.it.support.ActivationLinkLifespan;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.GeneratedSirets;
import fr.ceres.keycloak.it.support.HttpAttachSession;
import fr.ceres.keycloak.it.support.InviteByEmail;
import fr.ceres.keycloak.it.support.MetricsPage;
import fr.ceres.keycloak.it.support.PortalAccounts;
import fr.ceres.keycloak.it.support.PortalHttp;
import fr.ceres.keycloak.it.support.SignUpPage;
import fr.ceres.keycloak.it.support.SolvedCaptcha;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The {@link TwoNodeCluster}: two production nodes on one PostgreSQL database, as the README deploys them behind a
 * load balancer. The load balancer is played by each browser's {@link NodeRoute}: requests go to the nodes in turn,
 * or to the node a race needs. Sessions started on one node are used on the other, and every race the bundle
 * guards on one node is run with its contenders on both.
 */
@DisplayName("Two nodes on one PostgreSQL database")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String PUBLIC_URL = TwoNodeCluster.PUBLIC_URL;
    private static final String REALM = TwoNodeCluster.REALM;
    private static final String REALM_URL = TwoNodeCluster.REALM_URL;
    private static final String CALLBACK = TwoNodeCluster.CALLBACK;
    private static final List<String> NAMES = TwoNodeCluster.NAMES;

    /** The burst's size: the default fits the CI's time; {@code -Dcluster.burst.people=1000 -Dcluster.burst.centres=50} for the full one. */
    private static final int BURST_PEOPLE = Integer.getInteger("cluster.burst.people", 200);
    private static final int BURST_CENTRES = Integer.getInteger("cluster.burst.centres", 20);
    /** The centres whose codes are redeemed while node-b is killed, four people each. */
    private static final int KILL_CENTRES = 10;

    private static final String ACADEMIE = "41823967900016";
    private static final String GRENOBLE = "41823967900024";
    private static final String TILLEULS = "73282932000074";
    private static final String ONGLETS = "13002526500013";
    private static final String WRONG_CODE = "0000-0000-0000";
    /** How often each node schedules the purge of never-activated accounts, here: a window of ten fits a test. */
    private static final int PURGE_INTERVAL_SECONDS = 3;
    private static final String PURGE_RUNS = "ceres_signups_purge_runs_total";
    private static final String PURGED = "ceres_signups_purged_total";
    /** The register flood: its length ({@code -Dcluster.flood.seconds}), its client addresses, the sign-ups made meanwhile. */
    private static final int FLOOD_SECONDS = Integer.getInteger("cluster.flood.seconds", 60);
    private static final int FLOOD_ADDRESSES = 200;
    private static final int FLOOD_SIGN_UPS = 10;

    private static TwoNodeCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = TwoNodeCluster.start("ceres_cluster_it", companyRegister(),
                List.of("--spi-action-token-handler--verify-email--purge-interval-seconds=" + PURGE_INTERVAL_SECONDS));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("Given two nodes started on one database, then they form one cluster, and a portal session started on one node serves the portal and a centre's access page, with its anti-forgery token, on the other")
    void sessionsCrossNodes() throws Exception {
        for (KeycloakNode node : cluster.nodes()) {
            String view = node.awaitClusterView(2, Duration.ofMinutes(1));
            System.out.printf("[cluster] %s's cluster view: %s%n", NAMES.get(cluster.nodes().indexOf(node)), view);
        }
        cluster.makeGestionnaire("alice@academie.fr", "Alice", "Martin", ACADEMIE, List.of(GRENOBLE));
        PortalAccounts.create(cluster.admin(1), "hugo@academie.fr", "Hugo", "Leroy", GRENOBLE);

        Browser alice = cluster.browser(0);
        alice.http().signIn("alice@academie.fr", Applicant.PASSWORD);
        List<String> served = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> page = alice.http().get(i % 2 == 0 ? REALM_URL + "/ceres-portal/" : TwoNodeCluster.accessPage(ACADEMIE));
            assertEquals(200, page.statusCode(), page.uri() + " " + page.body());
            assertTrue(page.body().contains(i % 2 == 0 ? "ceres-portal" : "ceres-access"), page.body());
            served.add(cluster.nodeOf(page) + " " + page.uri().getPath());
        }
        HttpResponse<String> accessPage = alice.http().get(TwoNodeCluster.accessPage(ACADEMIE));
        HttpResponse<String> invited = alice.http().post(TwoNodeCluster.accessPage(ACADEMIE) + "/inviter",
                InviteByEmail.form(PortalHttp.csrfOf(accessPage.body()), "hugo@academie.fr", "gestionnaire", GRENOBLE));
        assertEquals(303, invited.statusCode(), invited.body());
        assertNotEquals(cluster.nodeOf(accessPage), cluster.nodeOf(invited), "the form's token from one node, posted on the other");
        served.add(cluster.nodeOf(accessPage) + " access page (token), " + cluster.nodeOf(invited) + " invitation posted with it: " + invited.statusCode());
        System.out.printf("[cluster] one portal session, requests alternating: %s%n", String.join("; ", served));
    }

    @Test
    @Order(2)
    @DisplayName("Given a burst of redemptions spread over both nodes, then every centre has exactly one gestionnaire, the one told so, every other attempt is refused in French, and none fails")
    void redemptionBurstOverBothNodes() throws Exception {
        List<String> centres = new ArrayList<>();
        Map<String, String> codes = new LinkedHashMap<>();
        for (int c = 0; c < BURST_CENTRES; c++) {
            String siret = burstCentre(c);
            centres.add(siret);
            codes.put(siret, cluster.letters(c).registerAndIssue(siret));
        }
        long begin = System.nanoTime();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < BURST_PEOPLE; i++) {
            people.add("rafale-" + i + "@centres.fr");
        }
        inParallel(people.size(), i -> () -> ActivatedAccounts.create(cluster.admin(i), people.get(i)));
        long created = seconds(begin);
        begin = System.nanoTime();
        List<Attempt> attempts = inParallel(people.size(), i -> () -> {
            Browser browser = cluster.browser(i);
            HttpAttachSession session = new HttpAttachSession(browser.http(), REALM_URL, CALLBACK).signIn(people.get(i), Applicant.PASSWORD);
            browser.route().pin(i % 2);
            return new Attempt(people.get(i), centres.get(i % centres.size()), session);
        });
        System.out.printf("[cluster] burst: %d accounts made in %d s, signed in (steps alternating between the nodes) in %d s%n",
                people.size(), created, seconds(begin));

        begin = System.nanoTime();
        List<HttpResponse<String>> answers = atOnce(attempts.stream()
                .<Callable<HttpResponse<String>>>map(a -> () -> a.session().attach(a.siret(), codes.get(a.siret()))).toList());
        long burst = (System.nanoTime() - begin) / 1_000_000;
        Map<String, List<String>> toldWinners = new LinkedHashMap<>();
        int refused = 0;
        int[] perNode = new int[cluster.nodes().size()];
        for (int i = 0; i < attempts.size(); i++) {
            Attempt attempt = attempts.get(i);
            HttpResponse<String> answer = answers.get(i);
            perNode[cluster.nodes().indexOf(cluster.nodeServing(answer))]++;
            assertTrue(answer.statusCode() < 500, attempt.email() + " was answered " + answer.statusCode());
            if (attempt.session().givesCode(answer)) {
                toldWinners.computeIfAbsent(attempt.siret(), s -> new ArrayList<>()).add(attempt.email());
            } else {
                String page = attempt.session().pageAfter(answer);
                assertTrue(page.contains("a déjà été activé"), attempt.email() + " was shown: " + page);
                refused++;
            }
        }
        int doubles = 0;
        for (String siret : centres) {
            List<String> members = cluster.members(siret);
            doubles += Math.max(0, members.size() - 1);
            assertEquals(members, toldWinners.getOrDefault(siret, List.of()), "who was told they won " + siret);
            assertEquals(1, members.size(), "one gestionnaire for " + siret + ": " + members);
        }
        System.out.printf("[cluster] burst: %d redemptions of %d codes (%d on node-a, %d on node-b) in %d ms: %d gestionnaires,"
                        + " %d doubles, %d refused « a déjà été activé », 0 answers 5xx%n", attempts.size(), centres.size(),
                perNode[0], perNode[1], burst, toldWinners.size(), doubles, refused);
    }

    @Test
    @Order(3)
    @DisplayName("Given a sign-up's activation link confirmed on both nodes at the same instant, then the account is activated once")
    void activationRaceAcrossNodes() throws Exception {
        String email = "double.clic@cfa-exemple.fr";
        SignUpPage.signUp(cluster.browser(0).http(), REALM_URL, SignUpPage.postedFields(email));
        String link = cluster.mailbox().awaitMessage(email, 1).actionLink();

        List<Callable<HttpResponse<String>>> confirms = new ArrayList<>();
        List<PortalHttp> recipients = new ArrayList<>();
        for (int node = 0; node < cluster.nodes().size(); node++) {
            PortalHttp recipient = cluster.browser(node).pinned(node);
            String confirm = recipient.follow(recipient.get(link)).body();
            String activate = PortalHttp.getFormUrl(confirm, "ceres-activation-form").orElseThrow(() -> new AssertionError(confirm));
            recipients.add(recipient);
            confirms.add(() -> recipient.get(activate));
        }
        List<HttpResponse<String>> answers = atOnce(confirms);
        int activated = 0;
        List<String> shown = new ArrayList<>();
        for (int node = 0; node < answers.size(); node++) {
            HttpResponse<String> page = recipients.get(node).follow(answers.get(node));
            assertTrue(page.statusCode() < 500, NAMES.get(node) + " answered " + page.statusCode() + " " + page.body());
            boolean told = page.body().contains("Votre compte est activé");
            activated += told ? 1 : 0;
            shown.add(NAMES.get(node) + ": " + page.statusCode() + (told ? " « Votre compte est activé »" : " " + heading(page.body())));
        }
        UserRepresentation user = cluster.admin(0).users().searchByEmail(email, true).get(0);
        assertTrue(user.isEmailVerified(), "activated");
        System.out.printf("[cluster] activation link confirmed on both nodes at once: %s%n", String.join("; ", shown));
        assertEquals(1, activated, "told activated once: " + shown);
    }

    @Test
    @Order(4)
    @DisplayName("Given a sign-up page served by node-a and sent to node-b, then its captcha is accepted there; sent again with another sign-up to node-a, it is refused in French and nothing is stored")
    void captchaUsedOnceAcrossNodes() throws Exception {
        Browser person = cluster.browser(2);
        PortalHttp http = person.pinned(0);
        SignUpPage.Form solved = SignUpPage.form(http, REALM_URL);
        person.pinned(1);
        String accepted = http.follow(http.post(solved.action(), solved.with(SignUpPage.postedFields("captcha.a@cfa-exemple.fr")))).body();
        assertTrue(accepted.contains("Activez votre compte"), "a challenge node-a signed, accepted by node-b: " + accepted);

        PortalHttp replayer = cluster.browser(3).pinned(0);
        SignUpPage.Form another = SignUpPage.form(replayer, REALM_URL);
        Map<String, String> replay = another.with(SignUpPage.postedFields("captcha.b@cfa-exemple.fr"));
        replay.put(SolvedCaptcha.FIELD, solved.captcha());
        String refused = replayer.post(another.action(), replay).body();
        assertTrue(refused.contains("La vérification anti-robot n&#39;est plus valable"), "replay refused by node-a: " + refused);
        assertTrue(cluster.admin(0).users().searchByEmail("captcha.b@cfa-exemple.fr", true).isEmpty(), "nothing stored");

        // The account accepted here would be one more abandoned sign-up for the purge test to count.
        for (UserRepresentation account : cluster.admin(0).users().searchByEmail("captcha.a@cfa-exemple.fr", true)) {
            cluster.admin(0).users().delete(account.getId()).close();
        }
    }

    @Test
    @Order(5)
    @DisplayName("Given the invitee accepting on both nodes at the same instant, then the invitation is accepted once")
    void invitationRaceAcrossNodes() throws Exception {
        // Invited by Alice in the first test, through both nodes.
        String email = "hugo@academie.fr";
        String link = cluster.mailbox().awaitMessage(email, 1).invitationLink();
        List<Callable<HttpResponse<String>>> accepts = new ArrayList<>();
        for (int node = 0; node < cluster.nodes().size(); node++) {
            Browser hugo = cluster.browser(node);
            hugo.http().signIn(email, Applicant.PASSWORD);
            PortalHttp pinned = hugo.pinned(node);
            HttpResponse<String> confirm = pinned.follow(pinned.get(link));
            assertEquals(200, confirm.statusCode(), confirm.body());
            Map<String, String> form = Map.of("key", link.substring(link.indexOf("key=") + 4), "csrf", PortalHttp.csrfOf(confirm.body()));
            accepts.add(() -> pinned.post(REALM_URL + "/ceres-portal/invitation", form));
        }
        List<String> shown = new ArrayList<>();
        for (HttpResponse<String> answer : atOnce(accepts)) {
            shown.add(cluster.nodeOf(answer) + ": " + answer.statusCode());
            assertEquals(303, answer.statusCode(), answer.body());
        }
        long acceptances = cluster.admin(0).getEvents(List.of("INVITE_ORG"), null, null, null, null, null, 0, 100).stream()
                .filter(e -> e.getDetails() != null && e.getDetails().containsKey("ceres_invitation")).count();
        List<String> hugoMember = cluster.members(ACADEMIE).stream().filter(email::equals).toList();
        System.out.printf("[cluster] invitation accepted on both nodes at once: %s; %d acceptance event(s), Hugo member of the centre %d time(s)%n",
                String.join("; ", shown), acceptances, hugoMember.size());
        assertEquals(1, acceptances, "accepted once");
        assertEquals(List.of(email), hugoMember);
    }

    @Test
    @Order(6)
    @DisplayName("Given two gestionnaires on two nodes revoking each other at the same instant, then exactly one succeeds and the centre keeps a gestionnaire")
    void revocationRaceAcrossNodes() throws Exception {
        String aliceId = cluster.makeGestionnaire("alice@tilleuls.fr", "Alice", "Bernard", TILLEULS, List.of());
        String brunoId = cluster.makeGestionnaire("bruno@tilleuls.fr", "Bruno", "Petit", TILLEULS, List.of());
        List<Callable<HttpResponse<String>>> revocations = new ArrayList<>();
        String[][] who = {{"alice@tilleuls.fr", brunoId}, {"bruno@tilleuls.fr", aliceId}};
        for (int node = 0; node < cluster.nodes().size(); node++) {
            Browser gestionnaire = cluster.browser(node);
            gestionnaire.http().signIn(who[node][0], Applicant.PASSWORD);
            PortalHttp pinned = gestionnaire.pinned(node);
            Map<String, String> form = Map.of("csrf", PortalHttp.csrfOf(pinned.get(TwoNodeCluster.accessPage(TILLEULS)).body()),
                    "personne", who[node][1], "siret", TILLEULS, "role", "gestionnaire");
            revocations.add(() -> pinned.post(TwoNodeCluster.accessPage(TILLEULS) + "/habilitations/retirer", form));
        }
        int revoked = 0;
        List<String> shown = new ArrayList<>();
        for (HttpResponse<String> response : atOnce(revocations)) {
            String location = response.headers().firstValue("Location").orElse("");
            shown.add(cluster.nodeOf(response) + ": " + response.statusCode() + " " + location.replace(PUBLIC_URL, ""));
            if (location.endsWith("?notice=habilitation-retiree")) {
                revoked++;
            } else {
                assertTrue(location.endsWith("?notice=dernier-gestionnaire") || response.statusCode() == 403
                        || location.equals(REALM_URL + "/ceres-portal/"), response.statusCode() + " " + location + " " + response.body());
            }
        }
        List<String> left = cluster.members(TILLEULS);
        System.out.printf("[cluster] two gestionnaires revoking each other on both nodes at once: %s; gestionnaires left: %s%n",
                String.join("; ", shown), left);
        assertEquals(1, revoked, "exactly one habilitation taken");
        assertEquals(1, left.size(), "one gestionnaire left: " + left);
    }

    @Test
    @Order(7)
    @DisplayName("Given one person posting 20 wrong codes at the same instant, half on each node, then exactly 5 are evaluated and 15 told « Trop d'essais »")
    void wrongCodesAcrossNodes() throws Exception {
        cluster.letters(0).registerAndIssue(ONGLETS);
        String email = "onglets@centres.fr";
        ActivatedAccounts.create(cluster.admin(0), email);
        List<HttpAttachSession> tabs = new ArrayList<>();
        List<Callable<HttpResponse<String>>> posts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Browser browser = cluster.browser(i);
            HttpAttachSession tab = new HttpAttachSession(browser.http(), REALM_URL, CALLBACK).signIn(email, Applicant.PASSWORD);
            browser.route().pin(i % 2);
            tabs.add(tab);
            posts.add(() -> tab.attach(ONGLETS, WRONG_CODE));
        }
        List<HttpResponse<String>> answers = atOnce(posts);
        int evaluated = 0;
        int tooMany = 0;
        int[] evaluatedPerNode = new int[cluster.nodes().size()];
        for (int i = 0; i < answers.size(); i++) {
            String page = tabs.get(i).pageAfter(answers.get(i));
            // Parts without apostrophes: the page escapes them.
            if (page.contains("ne correspond pas à ce SIRET")) {
                evaluated++;
                evaluatedPerNode[i % 2]++;
            } else if (page.matches("(?s).*Trop d.{1,6}essais : réessayez après \\d{2}:\\d{2}\\..*")) {
                tooMany++;
            } else {
                throw new AssertionError("unexpected answer " + answers.get(i).statusCode() + ": " + page);
            }
        }
        System.out.printf("[cluster] 20 wrong codes at once by one person, 10 per node: %d evaluated (%d on node-a, %d on node-b), %d « Trop d'essais »%n",
                evaluated, evaluatedPerNode[0], evaluatedPerNode[1], tooMany);
        assertEquals(5, evaluated, "the per-person limit, exactly, across the cluster");
        assertEquals(15, tooMany);
    }

    @Test
    @Order(8)
    @DisplayName("Given one person sending wrong codes one after the other, each time on the other node, then the first 5 are evaluated and the next ones told « Trop d'essais »")
    void wrongCodesAlternatingNodes() throws Exception {
        String email = "alterne@centres.fr";
        ActivatedAccounts.create(cluster.admin(1), email);
        Browser browser = cluster.browser(0);
        HttpAttachSession session = new HttpAttachSession(browser.http(), REALM_URL, CALLBACK).signIn(email, Applicant.PASSWORD);
        List<String> shown = new ArrayList<>();
        int evaluated = 0;
        for (int attempt = 0; attempt < 7; attempt++) {
            browser.route().pin(attempt % 2);
            HttpResponse<String> answer = session.attach(ONGLETS, WRONG_CODE);
            assertEquals(NAMES.get(attempt % 2), cluster.nodeOf(answer));
            String page = session.pageAfter(answer);
            // Parts without apostrophes: the page escapes them.
            boolean wrong = page.contains("ne correspond pas à ce SIRET");
            boolean tooMany = page.matches("(?s).*Trop d.{1,6}essais : réessayez après \\d{2}:\\d{2}\\..*");
            assertTrue(wrong != tooMany, "unexpected answer " + answer.statusCode() + ": " + page);
            evaluated += wrong ? 1 : 0;
            shown.add(cluster.nodeOf(answer) + (wrong ? " évalué" : " « Trop d'essais »"));
        }
        System.out.printf("[cluster] 7 wrong codes by one person, one after the other on alternating nodes: %s%n", String.join(", ", shown));
        assertEquals(List.of("node-a évalué", "node-b évalué", "node-a évalué", "node-b évalué", "node-a évalué",
                "node-b « Trop d'essais »", "node-a « Trop d'essais »"), shown);
        assertEquals(5, evaluated);
    }

    @Test
    @Order(9)
    @DisplayName("Given both nodes scheduling the purge of never-activated accounts every few seconds, then it runs once per interval in the cluster, and each abandoned sign-up is removed once")
    void purgeOncePerInterval() throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String email = "abandon-" + i + "@cfa-exemple.fr";
            SignUpPage.signUp(cluster.browser(i).http(), REALM_URL, SignUpPage.postedFields(email));
            emails.add(email);
        }
        List<MetricsPage> before = cluster.metrics();
        long begin = System.nanoTime();
        ActivationLinkLifespan.set(cluster.admin(0), 1);
        List<String> left;
        try {
            left = emails;
            while (!left.isEmpty() && seconds(begin) < 60) {
                Thread.sleep(500);
                left = left.stream().filter(email -> !cluster.admin(0).users().searchByEmail(email, true).isEmpty()).toList();
            }
            // A window of ten intervals, the removals within it.
            Thread.sleep(Math.max(0, Duration.ofSeconds(10L * PURGE_INTERVAL_SECONDS).toMillis() - (System.nanoTime() - begin) / 1_000_000));
        } finally {
            ActivationLinkLifespan.set(cluster.admin(0), 86_400);
        }
        List<MetricsPage> after = cluster.metrics();
        double window = (System.nanoTime() - begin) / 1e9;
        int[] runs = new int[cluster.nodes().size()];
        int purged = 0;
        for (int node = 0; node < cluster.nodes().size(); node++) {
            runs[node] = (int) (after.get(node).value(PURGE_RUNS) - before.get(node).value(PURGE_RUNS));
            purged += (int) (after.get(node).value(PURGED) - before.get(node).value(PURGED));
        }
        double intervals = window / PURGE_INTERVAL_SECONDS;
        System.out.printf("[cluster] purge every %d s on both nodes, over %.1f s (%.1f intervals): %d runs on node-a, %d on node-b;"
                + " %d of %d abandoned sign-ups removed, counted %d time(s)%n", PURGE_INTERVAL_SECONDS, window, intervals,
                runs[0], runs[1], emails.size() - left.size(), emails.size(), purged);
        assertEquals(List.of(), left, "every abandoned sign-up removed");
        assertEquals(emails.size(), purged, "each removed once");
        assertTrue(runs[0] + runs[1] <= Math.ceil(intervals) + 1, "at most one run per interval in the cluster");
        assertTrue(runs[0] + runs[1] >= Math.floor(intervals) - 1, "a run in every interval");
    }

    @Test
    @Order(10)
    @DisplayName("Given a minute's flood of pre-fills of random SIRETs from 200 client addresses on both nodes, then the register is never called more than 7 times in a second, the sign-ups made meanwhile are checked against it, and a client cannot pick its own rate-limit key")
    void registerShieldedFromAFlood() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        // The flood lasts its seconds, and at least until the last sign-up is done.
        long floodLasts = System.currentTimeMillis() + FLOOD_SECONDS * 1000L;
        AtomicBoolean signingUp = new AtomicBoolean(true);
        long floodBegins = System.currentTimeMillis();
        ExecutorService flooders = Executors.newFixedThreadPool(6);
        List<Future<?>> flood = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            flood.add(flooders.submit(() -> {
                Random random = new Random();
                while (System.currentTimeMillis() < floodLasts || signingUp.get()) {
                    int n = sent.getAndIncrement();
                    // Unknown to the register: SIREN 8xxxxxxxx.
                    String siret = GeneratedSirets.withKey(8_000_000_000_000L + random.nextLong(1_000_000_000_000L));
                    HttpRequest prefill = HttpRequest.newBuilder(URI.create(cluster.nodeRealmUrl(n) + "/company-register/" + siret))
                            .header("X-Forwarded-For", "10.77.0." + (n % FLOOD_ADDRESSES + 1)).timeout(Duration.ofSeconds(30)).GET().build();
                    int status = http.send(prefill, HttpResponse.BodyHandlers.discarding()).statusCode();
                    answers.computeIfAbsent(status, code -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        List<String> signedUp = new ArrayList<>();
        try {
            for (int k = 0; k < FLOOD_SIGN_UPS; k++) {
                Thread.sleep(FLOOD_SECONDS * 1000L / (FLOOD_SIGN_UPS + 1));
                String email = "inondation-" + k + "@cfa-exemple.fr";
                Map<String, String> fields = new LinkedHashMap<>(SignUpPage.postedFields(email));
                fields.put("siret", floodSignUpCompany(k));
                SignUpPage.signUp(cluster.browser(k).http(), REALM_URL, fields);
                signedUp.add(email);
            }
            signingUp.set(false);
            for (Future<?> flooder : flood) {
                flooder.get();
            }
        } finally {
            signingUp.set(false);
            flooders.shutdownNow();
        }
        long floodEnds = System.currentTimeMillis();
        long floodSeconds = (floodEnds - floodBegins) / 1000;

        List<String> unverified = new ArrayList<>();
        for (String email : signedUp) {
            List<String> status = cluster.admin(0).users().searchByEmail(email, true).get(0).getAttributes().get("siretStatut");
            if (!List.of("verifie").equals(status)) {
                unverified.add(email + " " + status);
            }
        }
        // Behind the trusted proxy only: a client at another address naming itself in X-Forwarded-For is counted as itself.
        int spoofRefused = 0;
        for (int i = 0; i < 40; i++) {
            spoofRefused += statusFrom("127.0.0.2", cluster.nodes().get(0), "/realms/" + REALM + "/company-register/" + TILLEULS,
                    "203.0.113." + (i + 1)) == 429 ? 1 : 0;
        }
        TreeMap<Long, Integer> calls = cluster.register().callsPerSecond();
        int busiest = calls.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        long floodCalls = calls.subMap(floodBegins / 1000, true, floodEnds / 1000, true).values().stream().mapToInt(Integer::intValue).sum();
        double spent = 0;
        for (MetricsPage node : cluster.metrics()) {
            spent += node.value("ceres_register_budget_spent_total", Map.of("caller", "prefill"));
        }
        System.out.printf("[cluster] register flood: %d pre-fills of random SIRETs from %d addresses over %d s on both nodes, answered %s;"
                        + " the register called %d times meanwhile, at most %d in a second (the whole run: %s);"
                        + " %d pre-fills refused by the budget; %d sign-ups meanwhile, unverified: %s;"
                        + " 40 pre-fills from 127.0.0.2 each naming another address: %d refused 429%n",
                sent.get(), FLOOD_ADDRESSES, floodSeconds, answers, floodCalls, busiest, calls.values(), (long) spent,
                signedUp.size(), unverified, spoofRefused);
        assertTrue(busiest <= 7, "never more than 7 calls in a second: " + calls);
        assertEquals(List.of(), unverified, "every sign-up checked against the register");
        assertEquals(FLOOD_SIGN_UPS, signedUp.size());
        assertTrue(answers.getOrDefault(503, new AtomicInteger()).get() > 0, "the flood met the budget: " + answers);
        // Each X-Forwarded-For value came once: any refusal means the one real address was counted.
        assertTrue(spoofRefused > 0, "30 a minute for the one address, whatever X-Forwarded-For says");
    }

    @Test
    @Order(11)
    @DisplayName("Given node-b killed in the middle of redemptions, invitation acceptances and sign-ups spread over both nodes, then each one is done whole or not at all, node-a answers all along and serves alone, and node-b rejoins when restarted")
    void nodeKilledMidBurst() throws Exception {
        List<Operation> operations = new ArrayList<>();
        // Redemptions: four people per centre.
        List<String> centres = new ArrayList<>();
        Map<String, String> codes = new LinkedHashMap<>();
        for (int c = 0; c < KILL_CENTRES; c++) {
            String siret = killCentre(c);
            centres.add(siret);
            codes.put(siret, cluster.letters(c).registerAndIssue(siret));
        }
        int redeemers = centres.size() * 4;
        inParallel(redeemers, i -> () -> ActivatedAccounts.create(cluster.admin(0), "panne-" + i + "@centres.fr"));
        List<Attempt> attempts = inParallel(redeemers, i -> () -> {
            Browser browser = cluster.browser(i);
            HttpAttachSession session = new HttpAttachSession(browser.http(), REALM_URL, CALLBACK)
                    .signIn("panne-" + i + "@centres.fr", Applicant.PASSWORD);
            browser.route().pin(i % 2);
            return new Attempt("panne-" + i + "@centres.fr", centres.get(i % centres.size()), session);
        });
        for (int i = 0; i < attempts.size(); i++) {
            Attempt a = attempts.get(i);
            operations.add(new Operation("redemption", a.email(), i % 2, () -> a.session().attach(a.siret(), codes.get(a.siret()))));
        }
        // Invitation acceptances: Alice (gestionnaire since the first test) invites eight people of the linked site.
        Map<String, String> invitationLinks = new LinkedHashMap<>();
        Browser alice = cluster.browser(0);
        alice.http().signIn("alice@academie.fr", Applicant.PASSWORD);
        for (int i = 0; i < 8; i++) {
            String email = "invite-" + i + "@academie.fr";
            PortalAccounts.create(cluster.admin(0), email, "Invité", "Numéro" + (char) ('A' + i), GRENOBLE);
            HttpResponse<String> invited = alice.http().post(TwoNodeCluster.accessPage(ACADEMIE) + "/inviter", InviteByEmail.form(
                    PortalHttp.csrfOf(alice.http().get(TwoNodeCluster.accessPage(ACADEMIE)).body()), email, "gestionnaire", GRENOBLE));
            assertEquals(303, invited.statusCode(), invited.body());
            String link = cluster.mailbox().awaitMessage(email, 1).invitationLink();
            invitationLinks.put(email, link);
            Browser invitee = cluster.browser(i);
            invitee.http().signIn(email, Applicant.PASSWORD);
            PortalHttp pinned = invitee.pinned(i % 2);
            HttpResponse<String> confirm = pinned.follow(pinned.get(link));
            assertEquals(200, confirm.statusCode(), confirm.body());
            Map<String, String> form = Map.of("key", link.substring(link.indexOf("key=") + 4), "csrf", PortalHttp.csrfOf(confirm.body()));
            operations.add(new Operation("invitation", email, i % 2, () -> pinned.post(REALM_URL + "/ceres-portal/invitation", form)));
        }
        // Sign-ups: the form loaded, then sent.
        for (int i = 0; i < 8; i++) {
            String email = "inscription-" + i + "@cfa-exemple.fr";
            Browser visitor = cluster.browser(i);
            SignUpPage.Form signUp = SignUpPage.form(visitor.http(), REALM_URL);
            PortalHttp pinned = visitor.pinned(i % 2);
            operations.add(new Operation("sign-up", email, i % 2,
                    () -> pinned.follow(pinned.post(signUp.action(), signUp.with(SignUpPage.postedFields(email))))));
        }

        // All at once, node-b killed when a quarter of them are answered.
        KeycloakNode killed = cluster.nodes().get(1);
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(operations.size());
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        long killedAt;
        long servedAloneAfter;
        try {
            for (Operation operation : operations) {
                results.add(threads.submit(() -> {
                    start.await();
                    try {
                        return operation.call().call();
                    } finally {
                        answered.incrementAndGet();
                    }
                }));
            }
            start.countDown();
            while (answered.get() < operations.size() / 4) {
                Thread.sleep(10);
            }
            killed.kill();
            killedAt = System.nanoTime();
            System.out.printf("[cluster] node-b killed (SIGKILL) with %d of %d operations answered%n", answered.get(), operations.size());
            servedAloneAfter = firstSignInAlone(killedAt);
            for (Future<HttpResponse<String>> result : results) {
                try {
                    result.get();
                } catch (ExecutionException failed) {
                    // Counted below.
                }
            }
        } finally {
            threads.shutdownNow();
        }
        String aloneView = cluster.nodes().get(0).awaitClusterView(1, Duration.ofMinutes(1));

        Map<String, int[]> outcomes = new LinkedHashMap<>();
        List<String> failedOnA = new ArrayList<>();
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            int[] counts = outcomes.computeIfAbsent(operation.kind() + " on " + NAMES.get(operation.node()), k -> new int[2]);
            try {
                HttpResponse<String> answer = results.get(i).get();
                if (answer.statusCode() >= 500) {
                    throw new IllegalStateException("answered " + answer.statusCode());
                }
                answers.put(operation.who(), answer);
                counts[0]++;
            } catch (ExecutionException | IllegalStateException failed) {
                counts[1]++;
                if (operation.node() == 0) {
                    failedOnA.add(operation.kind() + " " + operation.who() + ": " + failed.getMessage());
                }
            }
        }
        StringBuilder figures = new StringBuilder();
        outcomes.forEach((kind, counts) -> figures.append(kind).append(": ").append(counts[0]).append(" answered, ")
                .append(counts[1]).append(" failed; "));
        System.out.printf("[cluster] after the kill: %s%n", figures);
        System.out.printf("[cluster] node-a alone: a new sign-in served %d ms after the kill; its view: %s%n", servedAloneAfter, aloneView);

        // All or nothing, read on node-a.
        List<String> halfDone = new ArrayList<>();
        for (String siret : centres) {
            String state = cluster.letters(0).centre(siret).get("etat").asText();
            List<String> members = cluster.members(siret);
            if (!(state.equals("actif") && members.size() == 1 || state.equals("en-attente-activation") && members.isEmpty())) {
                halfDone.add(siret + " " + state + " with gestionnaires " + members);
            }
            for (Attempt attempt : attempts) {
                HttpResponse<String> answer = answers.get(attempt.email());
                if (attempt.siret().equals(siret) && answer != null && attempt.session().givesCode(answer) && !members.contains(attempt.email())) {
                    halfDone.add(attempt.email() + " told gestionnaire of " + siret + " but not stored");
                }
            }
        }
        // The invitation's own state, as its link shows it to the invitee on node-a; the INVITE_ORG event is only the
        // audit trail, written after the acceptance's transaction: counted, not taken for the acceptance.
        List<String> academie = cluster.members(ACADEMIE);
        int accepted = 0;
        for (Map.Entry<String, String> invitation : invitationLinks.entrySet()) {
            String email = invitation.getKey();
            PortalHttp invitee = cluster.browser(0).pinned(0).signIn(email, Applicant.PASSWORD);
            boolean acceptedState = invitee.follow(invitee.get(invitation.getValue())).body().contains("data-invitation-state=\"accepted\"");
            boolean member = academie.contains(email);
            accepted += acceptedState ? 1 : 0;
            if (member != acceptedState || answers.containsKey(email) && !member) {
                halfDone.add(email + ": member " + member + ", invitation accepted " + acceptedState + ", answered " + answers.containsKey(email));
            }
        }
        long acceptanceEvents = cluster.admin(0).getEvents(List.of("INVITE_ORG"), null, null, null, null, null, 0, 200).stream()
                .filter(e -> e.getDetails() != null && invitationLinks.containsKey(cluster.admin(0).users().get(e.getUserId()).toRepresentation().getUsername()))
                .count();
        int accounts = 0;
        for (Operation operation : operations.stream().filter(o -> o.kind().equals("sign-up")).toList()) {
            List<UserRepresentation> found = cluster.admin(0).users().searchByEmail(operation.who(), true);
            HttpResponse<String> answer = answers.get(operation.who());
            boolean told = answer != null && answer.body().contains("Activez votre compte");
            if (found.isEmpty()) {
                if (told) {
                    halfDone.add(operation.who() + " told to activate, but no account");
                }
                continue;
            }
            accounts++;
            UserRepresentation user = found.get(0);
            boolean password = cluster.admin(0).users().get(user.getId()).credentials().stream().anyMatch(c -> "password".equals(c.getType()));
            if (user.getAttributes() == null || !user.getAttributes().containsKey("siret") || user.getFirstName() == null || !password) {
                halfDone.add(operation.who() + " half-made: " + user.getAttributes() + " password " + password);
            }
        }
        System.out.printf("[cluster] after the kill, read on node-a: %d of %d centres active with their one gestionnaire, %d of 8 invitations"
                        + " accepted (each with its habilitation; %d INVITE_ORG events), %d of 8 sign-ups made whole; half-done: %s%n",
                centres.stream().filter(siret -> cluster.members(siret).size() == 1).count(), centres.size(),
                accepted, acceptanceEvents, accounts, halfDone);
        assertEquals(List.of(), failedOnA, "node-a answers all along");
        assertEquals(List.of(), halfDone, "all or nothing");

        // node-b restarted on the same database: it joins the cluster again and serves.
        long begin = System.nanoTime();
        cluster.restart(1);
        long ready = (System.nanoTime() - begin) / 1_000_000;
        String view = cluster.nodes().get(1).awaitClusterView(2, Duration.ofMinutes(1));
        long joined = (System.nanoTime() - begin) / 1_000_000;
        Browser back = cluster.browser(1);
        back.http().signIn("alice@academie.fr", Applicant.PASSWORD);
        HttpResponse<String> served = back.pinned(1).get(TwoNodeCluster.accessPage(ACADEMIE));
        assertEquals(200, served.statusCode(), served.body());
        System.out.printf("[cluster] node-b restarted: ready in %d ms, cluster view of 2 after %d ms (%s), a sign-in across both nodes"
                + " then the access page on node-b served after %d ms%n", ready, joined, view, (System.nanoTime() - begin) / 1_000_000);
    }

    /** From the kill on, fresh sign-ins on node-a until one gets the portal page; returns the milliseconds since the kill. */
    private static long firstSignInAlone(long killedAt) throws InterruptedException {
        while (System.nanoTime() - killedAt < Duration.ofMinutes(2).toNanos()) {
            try {
                cluster.browser(0).pinned(0).signIn("alice@academie.fr", Applicant.PASSWORD);
                return (System.nanoTime() - killedAt) / 1_000_000;
            } catch (IOException | AssertionError notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("node-a served no sign-in within two minutes of node-b's death");
    }

    // ------------------------------------------------------------------------------------------ helpers

    /**
     * The status of a GET sent from the local address {@code from} (any of 127.0.0.0/8 is this machine's), with an
     * {@code X-Forwarded-For} header: Java's HTTP client cannot choose its source address, a socket can.
     */
    private static int statusFrom(String from, KeycloakNode node, String path, String forwardedFor) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), node.ports().http(), InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + node.ports().http()
                    + "\r\nX-Forwarded-For: " + forwardedFor + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static String heading(String page) {
        int h1 = page.indexOf("<h1");
        return h1 < 0 ? "(no heading)" : "« " + page.substring(page.indexOf('>', h1) + 1, page.indexOf("</h1>", h1)).strip() + " »";
    }

    /**
     * The demo register, plus the centres of the bursts (the agents' API registers only SIRETs the register knows)
     * and the companies of the sign-ups made during the flood.
     */
    private static ArrayNode companyRegister() throws IOException {
        ArrayNode entries = TwoNodeCluster.demoRegister();
        for (int c = 0; c < BURST_CENTRES; c++) {
            TwoNodeCluster.addCompany(entries, burstCentre(c));
        }
        for (int c = 0; c < KILL_CENTRES; c++) {
            TwoNodeCluster.addCompany(entries, killCentre(c));
        }
        for (int c = 0; c < FLOOD_SIGN_UPS; c++) {
            TwoNodeCluster.addCompany(entries, floodSignUpCompany(c));
        }
        return entries;
    }

    /** The burst's centres: each its own company (SIREN 9000000xx), establishment 0001. */
    private static String burstCentre(int c) {
        return GeneratedSirets.firstEstablishment(900_000_000L + c);
    }

    /** The centres redeemed while a node is killed: SIREN 9100000xx. */
    private static String killCentre(int c) {
        return GeneratedSirets.firstEstablishment(910_000_000L + c);
    }

    /** The companies of the people signing up during the flood: SIREN 9200000xx, each asked of the register once. */
    private static String floodSignUpCompany(int c) {
        return GeneratedSirets.firstEstablishment(920_000_000L + c);
    }

    /** Runs the tasks on four threads (the server's two cores are the limit); returns their results in order. */
    private static <T> List<T> inParallel(int count, IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                results.add(pool.submit(task.apply(i)));
            }
            return valuesOf(results);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs every task at the same instant, each on its own thread; returns their results in order. */
    private static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> results = new ArrayList<>();
            for (Callable<T> task : tasks) {
                results.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            return valuesOf(results);
        } finally {
            threads.shutdownNow();
        }
    }

    /** The tasks' results, in order, once each is done. */
    private static <T> List<T> valuesOf(List<Future<T>> results) throws InterruptedException, ExecutionException {
        List<T> values = new ArrayList<>();
        for (Future<T> result : results) {
            values.add(result.get());
        }
        return values;
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000;
    }

    /** One of the operations node-b is killed among: what, by whom, on which node, and its request. */
    private record Operation(String kind, String who, int node, Callable<HttpResponse<String>> call) {
    }

    private record Attempt(String email, String siret, HttpAttachSession session) {
    }
}
