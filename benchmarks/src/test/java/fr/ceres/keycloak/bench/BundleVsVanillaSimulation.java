package fr.ceres.keycloak.bench;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.ceres.keycloak.it.support.PortalHttp;
import fr.ceres.keycloak.it.support.SolvedCaptcha;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Vanilla Keycloak and Keycloak with the bundle ({@link BenchmarkServers}) driven by the same scenarios, open model
 * (arrivals per second), one target at a time: each scenario runs four phases, vanilla, bundle, bundle, vanilla
 * (ABBA, so a drift over the run weighs on both alike), one after the other, never overlapping. Every request name
 * carries its target ({@link BenchmarkNames}).
 *
 * <p>System properties: {@code bench.phase.seconds} (each phase, default 10), {@code bench.warmup.seconds}
 * (unmeasured traffic on each server before the phases, default 20), {@code bench.people} (accounts on each server, default
 * 200), {@code bench.refresh.sessions} (signed-in sessions refreshed in turn, default 20), arrivals per second:
 * {@code bench.rate.login} (4), {@code bench.rate.refresh} (20), {@code bench.rate.client-credentials} (20),
 * {@code bench.rate.sign-up} (2), {@code bench.rate.read} (30), and for the bundle's own scenarios, one phase each after
 * the others, {@code bench.rate.attach} (1) and {@code bench.rate.invitation} (1); {@code bench.prefill.requests}
 * (pre-fills timed one at a time after the phases, default 2000); {@code bench.jfr} (true: both servers record a
 * flight recording, {@code target/keycloak-<server>/<server>.jfr}, written as it stops).
 */
public class BundleVsVanillaSimulation extends Simulation {

    private static final int PHASE_SECONDS = Integer.getInteger("bench.phase.seconds", 10);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup.seconds", 20);
    private static final int PEOPLE = Integer.getInteger("bench.people", 200);
    private static final int REFRESH_SESSIONS = Integer.getInteger("bench.refresh.sessions", 20);
    private static final double LOGIN_RATE = rate("login", 4);
    private static final double REFRESH_RATE = rate("refresh", 20);
    private static final double CLIENT_CREDENTIALS_RATE = rate("client-credentials", 20);
    private static final double SIGN_UP_RATE = rate("sign-up", 2);
    private static final double READ_RATE = rate("read", 30);
    private static final double ATTACH_RATE = rate("attach", 1);
    private static final double INVITATION_RATE = rate("invitation", 1);
    private static final int PREFILL_REQUESTS = Integer.getInteger("bench.prefill.requests", 2000);
    /**
     * The attachments and invitations each of those scenarios consumes: the bundle's warm-up's (one a second) and its
     * phase's, and a few more for the users still arriving as a phase ends.
     */
    private static final int ATTACHMENTS = WARMUP_SECONDS + (int) Math.ceil(ATTACH_RATE * PHASE_SECONDS) + 5;
    private static final int INVITATIONS = WARMUP_SECONDS + (int) Math.ceil(INVITATION_RATE * PHASE_SECONDS) + 5;

    private static final String LOGIN_FORM = "<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"";
    private static final String REGISTER_FORM = "<form[^>]*id=\"kc-register-form\"[^>]*action=\"([^\"]+)\"";
    private static final Pattern ATTACH_LINK = Pattern.compile("id=\"ceres-portal-attach\"[^>]*href=\"([^\"]+)\"");
    /** Redirects followed within one step, at most. */
    private static final int MAX_HOPS = 10;
    /** The cookies Keycloak set, kept by hand (see {@link #withCookies}). */
    private static final String JAR = "cookieJar";
    private static final AtomicLong SIGN_UPS = new AtomicLong();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private final BenchmarkServers servers = new BenchmarkServers();

    public BundleVsVanillaSimulation() throws Exception {
        // Stops the servers however the run ends: Gatling's after() is not called when the preparation fails.
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopServers));
        long begin = System.nanoTime();
        servers.start(Duration.ofMinutes(4), BundleOnlyData.centresNeeded(ATTACHMENTS));
        System.out.printf("[benchmark] both servers ready in %d s%n", (System.nanoTime() - begin) / 1_000_000_000);
        servers.seed(PEOPLE);
        Target vanilla = servers.vanilla();
        Target bundle = servers.bundle();
        // Keycloak's organization claim on both; the bundle's habilitations on its client ceres only.
        TokenPool vanillaTokens = new TokenPool(servers.refreshTokens(vanilla, "ceres", vanilla.ceresSecret(), Target.CERES_SCOPE, REFRESH_SESSIONS,
                List.of("organization"), List.of("ceres_habilitations")));
        TokenPool bundleTokens = new TokenPool(servers.refreshTokens(bundle, "ceres", bundle.ceresSecret(), Target.CERES_SCOPE, REFRESH_SESSIONS,
                List.of("organization", "ceres_habilitations"), List.of()));
        // The same scopes through plain, without the bundle's mapper.
        TokenPool plainTokens = new TokenPool(servers.refreshTokens(bundle, Target.PLAIN_CLIENT, bundle.plainSecret(), Target.CERES_SCOPE, REFRESH_SESSIONS,
                List.of("organization"), List.of("ceres_habilitations")));
        BundleOnlyData bundleOnly = servers.bundleOnly();
        Iterator<Map<String, Object>> attachments = once(bundleOnly.attachments(RUN, ATTACHMENTS));
        Iterator<Map<String, Object>> invitations = once(bundleOnly.invitations(RUN, INVITATIONS));
        System.out.printf("[benchmark] prepared in %d s; phases of %d s%n", (System.nanoTime() - begin) / 1_000_000_000, PHASE_SECONDS);

        List<PopulationBuilder> phases = new ArrayList<>();
        phases.addAll(abba("login", LOGIN_RATE, BundleVsVanillaSimulation::login));
        phases.add(phase("refresh vanilla 1", refresh(vanilla, "ceres", vanilla.ceresSecret(), vanillaTokens, "vanilla"), REFRESH_RATE));
        phases.add(phase("refresh bundle 2", refresh(bundle, "ceres", bundle.ceresSecret(), bundleTokens, "bundle"), REFRESH_RATE));
        phases.add(phase("refresh plain 3", refresh(bundle, Target.PLAIN_CLIENT, bundle.plainSecret(), plainTokens, "plain"), REFRESH_RATE));
        phases.add(phase("refresh plain 4", refresh(bundle, Target.PLAIN_CLIENT, bundle.plainSecret(), plainTokens, "plain"), REFRESH_RATE));
        phases.add(phase("refresh bundle 5", refresh(bundle, "ceres", bundle.ceresSecret(), bundleTokens, "bundle"), REFRESH_RATE));
        phases.add(phase("refresh vanilla 6", refresh(vanilla, "ceres", vanilla.ceresSecret(), vanillaTokens, "vanilla"), REFRESH_RATE));
        phases.addAll(abba("client credentials", CLIENT_CREDENTIALS_RATE, BundleVsVanillaSimulation::clientCredentials));
        phases.addAll(abba("sign-up", SIGN_UP_RATE, BundleVsVanillaSimulation::signUp));
        phases.addAll(abba("public read", READ_RATE, BundleVsVanillaSimulation::publicRead));
        phases.add(phase("attach bundle", feed(attachments).exec(attach(bundle)), ATTACH_RATE));
        phases.add(phase("invitation bundle", feed(invitations).exec(acceptInvitation(bundle)), INVITATION_RATE));

        HttpProtocolBuilder protocol = http.disableFollowRedirect().acceptLanguageHeader("fr-FR,fr")
                .userAgentHeader("ceres-benchmark").shareConnections();
        PopulationBuilder run = inTurn(phases);
        if (WARMUP_SECONDS > 0) {
            run = warmUp(vanilla, bundle, vanillaTokens, bundleTokens, feed(attachments).exec(attach(bundle.named("warm-up bundle")))
                    .feed(invitations).exec(acceptInvitation(bundle.named("warm-up bundle")))).andThen(run);
        }
        setUp(run).protocols(protocol);
    }

    /** The pre-fill timed one request at a time on the bundle's server, warm from the whole run; then both servers stop. */
    @Override
    public void after() {
        try {
            Map<String, Object> prefill = SequentialPrefill.measure(servers.bundle(), 1000, PREFILL_REQUESTS,
                    Path.of(System.getProperty("project.build.directory", "target"), "benchmark", "prefill-sequential.json"));
            System.out.printf("[benchmark] sequential pre-fill: %s%n", prefill);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopServers();
        }
    }

    private void stopServers() {
        try {
            servers.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The four phases of one scenario: vanilla, bundle, bundle, vanilla. */
    private List<PopulationBuilder> abba(String name, double rate, Function<Target, ChainBuilder> chain) {
        List<Target> order = List.of(servers.vanilla(), servers.bundle(), servers.bundle(), servers.vanilla());
        List<PopulationBuilder> phases = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            phases.add(phase(name + " " + order.get(i).name() + " " + (i + 1), chain.apply(order.get(i)), rate));
        }
        return phases;
    }

    private static PopulationBuilder phase(String name, ChainBuilder chain, double rate) {
        return scenario(name).exec(chain).injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(PHASE_SECONDS)));
    }

    /** Each phase starts when the one before has ended, its last users included. */
    private static PopulationBuilder inTurn(List<PopulationBuilder> phases) {
        PopulationBuilder run = phases.get(phases.size() - 1);
        for (int i = phases.size() - 2; i >= 0; i--) {
            run = phases.get(i).andThen(run);
        }
        return run;
    }

    /**
     * Every scenario, one virtual user a second on each server in turn, its requests not counted; {@code bundleOnly},
     * the bundle's own scenarios, after the others on the bundle's.
     */
    private PopulationBuilder warmUp(Target vanilla, Target bundle, TokenPool vanillaTokens, TokenPool bundleTokens,
                                     ChainBuilder bundleOnly) {
        HttpProtocolBuilder silent = http.disableFollowRedirect().acceptLanguageHeader("fr-FR,fr")
                .userAgentHeader("ceres-benchmark").shareConnections().silentUri(".*");
        List<PopulationBuilder> all = new ArrayList<>();
        for (Target server : List.of(vanilla, bundle)) {
            TokenPool tokens = server == vanilla ? vanillaTokens : bundleTokens;
            // Its own names: Gatling reports groups even when their requests are silent.
            Target target = server.named("warm-up " + server.name());
            ChainBuilder everything = login(target).exec(refresh(target, "ceres", target.ceresSecret(), tokens, target.name()))
                    .exec(clientCredentials(target)).exec(signUp(target)).exec(publicRead(target));
            if (server == bundle) {
                everything = everything.exec(bundleOnly);
            }
            all.add(scenario(target.name()).exec(everything)
                    .injectOpen(constantUsersPerSec(1).during(Duration.ofSeconds(WARMUP_SECONDS))).protocols(silent));
        }
        return all.get(0).andThen(all.get(1));
    }

    /** Authorization code with PKCE on the client ceres, as a browser and Ceres make it. */
    private static ChainBuilder login(Target target) {
        String name = target.name();
        return group(BenchmarkNames.login(name)).on(
                exec(session -> {
                    Pkce pkce = Pkce.random();
                    int person = (int) (Math.random() * PEOPLE);
                    return session.set("verifier", pkce.verifier()).set("challenge", pkce.challenge())
                            .set("email", BenchmarkPeople.email(person)).set(JAR, Map.of()).remove("code");
                })
                .exec(withCookies(http(BenchmarkNames.loginStep(name, "authorize"))
                        .get(session -> target.authorizeUrl("auth", "ceres", Target.CERES_SCOPE, BenchmarkServers.REDIRECT_URI, session.getString("challenge")))
                        .check(status().is(200), regex(LOGIN_FORM).saveAs("action"))))
                .exec(BundleVsVanillaSimulation::keepCookies)
                // Email and password on one page (the realm's browser flow, kept in the vanilla realm): one POST, up to
                // three should a realm ask for the email on a page of its own.
                .asLongAs(session -> !session.contains("code") && (!session.contains("loginStep") || session.getInt("loginStep") < 3), "loginStep").on(
                        exec(withCookies(http(BenchmarkNames.loginStep(name, "credentials"))
                                .post(session -> unescape(session.getString("action")))
                                .formParam("username", "#{email}").formParam("password", BenchmarkPeople.PASSWORD)
                                .check(status().in(200, 302),
                                        headerRegex("Location", "[?&]code=([^&]+)").optional().saveAs("code"),
                                        regex(LOGIN_FORM).optional().saveAs("action"))))
                        .exec(BundleVsVanillaSimulation::keepCookies))
                .exec(http(BenchmarkNames.loginStep(name, "token")).post(target.tokenUrl())
                        .formParam("grant_type", "authorization_code").formParam("client_id", "ceres")
                        .formParam("client_secret", target.ceresSecret()).formParam("code", "#{code}")
                        .formParam("redirect_uri", BenchmarkServers.REDIRECT_URI).formParam("code_verifier", "#{verifier}")
                        .check(status().is(200), jsonPath("$.access_token").exists(), jsonPath("$.refresh_token").exists())));
    }

    private static ChainBuilder refresh(Target target, String clientId, String secret, TokenPool tokens, String name) {
        return feed(tokens.feeder())
                .exec(http(BenchmarkNames.refresh(name)).post(target.tokenUrl())
                        .formParam("grant_type", "refresh_token").formParam("client_id", clientId)
                        .formParam("client_secret", secret).formParam("refresh_token", "#{refreshToken}")
                        .check(status().is(200), jsonPath("$.refresh_token").saveAs("newRefreshToken")))
                .exec(session -> {
                    if (session.contains("newRefreshToken")) {
                        tokens.put(session.getInt("slot"), session.getString("newRefreshToken"));
                    }
                    return session;
                });
    }

    private static ChainBuilder clientCredentials(Target target) {
        return exec(http(BenchmarkNames.clientCredentials(target.name())).post(target.tokenUrl())
                .formParam("grant_type", "client_credentials").formParam("client_id", Target.SERVICE_CLIENT)
                .formParam("client_secret", target.serviceSecret())
                .check(status().is(200), jsonPath("$.access_token").exists()));
    }

    /**
     * The registration page, then its form with a new email and a SIRET the register knows (the same fields on
     * both servers), up to the page asking to check one's email.
     */
    private static ChainBuilder signUp(Target target) {
        String name = target.name();
        return group(BenchmarkNames.signUp(name)).on(
                exec(session -> session.set("challenge", Pkce.random().challenge()).set(JAR, Map.of()).remove("next")
                        .set("newEmail", "inscrit-" + RUN + "-" + SIGN_UPS.incrementAndGet() + "@signup.example"))
                .exec(withCookies(http(BenchmarkNames.signUpStep(name, "page"))
                        .get(session -> target.authorizeUrl("registrations", "ceres", Target.CERES_SCOPE, BenchmarkServers.REDIRECT_URI, session.getString("challenge")))
                        .check(status().is(200), regex(REGISTER_FORM).saveAs("action"), bodyString().saveAs("page"))))
                .exec(BundleVsVanillaSimulation::keepCookies)
                .exec(BundleVsVanillaSimulation::solveCaptcha)
                .exec(withCookies(http(BenchmarkNames.signUpStep(name, "submit"))
                        .post(session -> unescape(session.getString("action")))
                        .formParam(SolvedCaptcha.FIELD, "#{captcha}")
                        .formParam("email", "#{newEmail}").formParam("password", BenchmarkPeople.PASSWORD)
                        .formParam("password-confirm", BenchmarkPeople.PASSWORD).formParam("siret", BenchmarkServers.SIRET)
                        .formParam("raisonSociale", "CENTRE DE FORMATION PROFESSIONNELLE LES TILLEULS")
                        .formParam("adresse", "14 RUE DES TILLEULS").formParam("commune", "92100 BOULOGNE-BILLANCOURT")
                        .formParam("civilite", "madame").formParam("lastName", "Durand").formParam("firstName", "Camille")
                        .formParam("telephone", "06 12 34 56 78")
                        .check(status().in(200, 302), header("Location").optional().saveAs("next"))
                        .checkIf((response, session) -> response.status().code() == 200).then(substring(target.signedUpMarker()))))
                .exec(BundleVsVanillaSimulation::keepCookies)
                .doIf(session -> session.contains("next")).then(
                        exec(withCookies(http(BenchmarkNames.signUpStep(name, "check-your-email page")).get("#{next}")
                                .check(status().is(200), substring(target.signedUpMarker()))))));
    }

    /**
     * A signed-in portal account opens « Rattacher le service Ceres » (the portal's link) and sends its centre's SIRET
     * and its letter's code ({@code email}, {@code siret}, {@code code} fed), back to the portal showing Ceres.
     */
    private static ChainBuilder attach(Target target) {
        String name = target.name();
        return portalSignIn(target)
                .exec(session -> attachLink(session))
                .exitHereIfFailed()
                .group(BenchmarkNames.attach(name)).on(
                        browse(BenchmarkNames.step(BenchmarkNames.attach(name), "page"), false)
                        .exec(session -> formAction(session, "ceres-attach-form"))
                        .exec(withCookies(http(BenchmarkNames.step(BenchmarkNames.attach(name), "submit")).post("#{action}")
                                .formParam("siret", "#{siret}").formParam("code", "#{code}").formParam("attach", "")
                                .check(status().is(302), header("Location").saveAs("next"))))
                        .exec(BundleVsVanillaSimulation::keepCookies)
                        .exec(browse(BenchmarkNames.step(BenchmarkNames.attach(name), "portal"), false))
                        .exec(session -> expect(session, "id=\"ceres-portal-ceres\"")));
    }

    /**
     * A signed-in account follows its invitation's link ({@code email}, {@code link} fed), accepts, and lands on the
     * page saying so.
     */
    private static ChainBuilder acceptInvitation(Target target) {
        String name = target.name();
        return portalSignIn(target)
                .group(BenchmarkNames.invitation(name)).on(
                        exec(session -> session.set("next", session.getString("link")))
                        .exec(browse(BenchmarkNames.step(BenchmarkNames.invitation(name), "page"), false))
                        .exec(BundleVsVanillaSimulation::csrf)
                        .exec(withCookies(http(BenchmarkNames.step(BenchmarkNames.invitation(name), "accept")).post(target.realmUrl() + "/ceres-portal/invitation")
                                .formParam("key", session -> session.getString("link").substring(session.getString("link").indexOf("key=") + 4))
                                .formParam("csrf", "#{csrf}")
                                .check(status().is(303), header("Location").saveAs("next"))))
                        .exec(BundleVsVanillaSimulation::keepCookies)
                        .exec(browse(BenchmarkNames.step(BenchmarkNames.invitation(name), "accepted page"), false))
                        .exec(session -> expect(session, "id=\"ceres-invitation-portal\"")));
    }

    /**
     * Signs {@code email} in on the portal, as a browser does, up to the portal's page; not measured. A new browser:
     * the warm-up's virtual users sign in twice, as two people (Keycloak refuses a second person in one session).
     */
    private static ChainBuilder portalSignIn(Target target) {
        String name = BenchmarkNames.portalSignIn(target.name());
        return exec(flushCookieJar())
                .exec(session -> session.set(JAR, Map.of()).remove("url").set("next", target.realmUrl() + "/ceres-portal/"))
                .exec(browse(name, true))
                .exec(session -> formAction(session, "kc-form-login"))
                .exec(withCookies(http(name).post("#{action}").silent()
                        .formParam("username", "#{email}").formParam("password", BenchmarkPeople.PASSWORD)
                        .check(status().is(302), header("Location").saveAs("next"))))
                .exec(BundleVsVanillaSimulation::keepCookies)
                .exec(browse(name, true))
                .exec(session -> expect(session, "id=\"ceres-portal\""))
                .exitHereIfFailed();
    }

    /**
     * GETs {@code next}, then each address it redirects to (resolved against the one before), up to a page; the
     * page's body in {@code page}.
     */
    private static ChainBuilder browse(String name, boolean silent) {
        HttpRequestActionBuilder get = http(name).get("#{url}")
                .check(status().in(200, 302, 303), header("Location").optional().saveAs("next"), bodyString().saveAs("page"));
        return asLongAs(session -> session.contains("next") && session.getInt("hop") < MAX_HOPS, "hop").on(
                exec(session -> {
                    String next = session.getString("next");
                    String url = session.contains("url") ? URI.create(session.getString("url")).resolve(next).toString() : next;
                    return session.set("url", url).remove("next");
                })
                .exec(withCookies(silent ? get.silent() : get))
                .exec(BundleVsVanillaSimulation::keepCookies));
    }

    private static Session attachLink(Session session) {
        Matcher link = ATTACH_LINK.matcher(session.getString("page"));
        return link.find() ? session.set("next", unescape(link.group(1))) : failed(session, "no attach link");
    }

    private static Session formAction(Session session, String formId) {
        return PortalHttp.formAction(session.getString("page"), formId).map(action -> session.set("action", action))
                .orElseGet(() -> failed(session, "no form " + formId));
    }

    /**
     * The bundle's sign-up page carries a proof-of-work captcha, solved here as a person's browser solves it while
     * they type, before the timed submit; vanilla's page has none, and its form ignores the empty field.
     */
    private static Session solveCaptcha(Session session) {
        String page = session.getString("page");
        return session.set("captcha", page.contains("<altcha-widget") ? SolvedCaptcha.of(page) : "");
    }

    private static Session csrf(Session session) {
        try {
            return session.set("csrf", PortalHttp.csrfOf(session.getString("page")));
        } catch (AssertionError none) {
            return failed(session, "no csrf field");
        }
    }

    private static Session expect(Session session, String marker) {
        return session.getString("page").contains(marker) ? session : failed(session, "no " + marker);
    }

    /** Marks the virtual user failed (its group KO), saying why and where on the console. */
    private static Session failed(Session session, String why) {
        String page = session.contains("page") ? session.getString("page") : "";
        System.err.printf("[benchmark] %s %s at %s: %s%n", session.scenario(), why, session.contains("url") ? session.getString("url") : "-",
                page.substring(0, Math.min(page.length(), 400)).replaceAll("\\s+", " "));
        return session.markAsFailed();
    }

    /** Each item once, to whichever virtual user comes first; the run stops should they run out. */
    private static Iterator<Map<String, Object>> once(List<Map<String, Object>> items) {
        Queue<Map<String, Object>> queue = new ConcurrentLinkedQueue<>(items);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !queue.isEmpty();
            }

            @Override
            public Map<String, Object> next() {
                Map<String, Object> item = queue.poll();
                if (item == null) {
                    throw new NoSuchElementException("no item left: prepare more");
                }
                return item;
            }
        };
    }

    private static ChainBuilder publicRead(Target target) {
        return exec(http(BenchmarkNames.publicRead(target.name())).get(target.serverUrl() + target.cheapReadPath())
                .check(status().is(200)));
    }

    /**
     * Sends the cookies Keycloak set in this virtual user's flow. Keycloak marks them Secure even over plain HTTP
     * on 127.0.0.1 (a secure context to browsers), and Gatling keeps Secure cookies for HTTPS: so they are kept
     * here, by hand, as PortalHttp does for the end-to-end tests.
     */
    private static HttpRequestActionBuilder withCookies(HttpRequestActionBuilder request) {
        return request.header("Cookie", session -> session.<Map<String, String>>get(JAR).entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")))
                .check(headerRegex("Set-Cookie", "^([^;]*)").findAll().optional().saveAs("setCookies"));
    }

    private static Session keepCookies(Session session) {
        if (!session.contains("setCookies")) {
            return session;
        }
        Map<String, String> jar = new HashMap<>(session.<Map<String, String>>get(JAR));
        for (String cookie : session.<String>getList("setCookies")) {
            String[] pair = cookie.split("=", 2);
            if (pair.length < 2 || pair[1].isEmpty()) {
                jar.remove(pair[0].strip());
            } else {
                jar.put(pair[0].strip(), pair[1]);
            }
        }
        return session.set(JAR, Map.copyOf(jar)).remove("setCookies");
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&");
    }

    private static double rate(String scenario, double byDefault) {
        return Double.parseDouble(System.getProperty("bench.rate." + scenario, String.valueOf(byDefault)));
    }
}
