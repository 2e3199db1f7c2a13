package fr.ceres.keycloak.siret.register.recherche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.CompanyRegisterProvider;
import fr.ceres.keycloak.siret.register.LookupResult;
import fr.ceres.keycloak.siret.register.support.HttpRegisterHarness;
import fr.ceres.keycloak.siret.register.support.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RechercheEntreprisesFailureTest {

    private static final Siret DINUM = Siret.parse("13002526500013").orElseThrow();

    private HttpRegisterHarness harness;
    private CompanyRegisterProvider provider;

    @BeforeEach
    void start() throws Exception {
        harness = HttpRegisterHarness.start();
        provider = harness.provider(new RechercheEntreprisesProviderFactory(), Map.of("read-timeout-ms", "200"));
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    @Test
    @DisplayName("Given a 429 with Retry-After, then lookups are Unavailable and make no call until it passes")
    void rateLimited() {
        harness.register().replying(Reply.empty(429).withHeader("Retry-After", "30"));
        assertInstanceOf(LookupResult.Unavailable.class, provider.lookup(DINUM));

        harness.register().replying(Reply.fixture(200, "recherche/found-siege.json"));
        assertInstanceOf(LookupResult.Unavailable.class, provider.lookup(DINUM));
        assertEquals(1, harness.register().requestCount());
    }

    @Test
    @DisplayName("Given a register slower than the read timeout, then the lookup is Unavailable quickly")
    void timeout() {
        harness.register().replying(Reply.fixture(200, "recherche/found-siege.json").after(Duration.ofSeconds(5)));
        LookupResult result = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> provider.lookup(DINUM));
        assertInstanceOf(LookupResult.Unavailable.class, result);
    }

    @Test
    @DisplayName("Given a register that trickles its answer a byte every 500 ms, then the lookup is cut at its deadline")
    void trickleCutAtDeadline() {
        CompanyRegisterProvider bounded = harness.provider(new RechercheEntreprisesProviderFactory(),
                Map.of("read-timeout-ms", "1000", "deadline-ms", "1500"));
        harness.register().replying(Reply.fixture(200, "recherche/found-siege.json").trickling(Duration.ofMillis(500)));
        long start = System.nanoTime();
        LookupResult result = assertTimeoutPreemptively(Duration.ofSeconds(4), () -> bounded.lookup(DINUM));
        assertInstanceOf(LookupResult.Unavailable.class, result);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(2500)) < 0,
                "cut near the 1.5 s deadline");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<html>Bad gateway</html>", "{\"results\": 3}", "{\"results\": [", ""})
    @DisplayName("Given a body that is not the expected JSON, then the lookup is Unavailable")
    void garbage(String body) {
        harness.register().replying(Reply.body(200, body));
        assertInstanceOf(LookupResult.Unavailable.class, provider.lookup(DINUM));
    }

    @Test
    @DisplayName("Given an answer larger than 1 MiB, then the lookup is Unavailable without reading it all")
    void oversized() {
        harness.register().replying(Reply.body(200, "{\"results\": [\"" + "x".repeat(2 * 1024 * 1024) + "\"]}"));
        assertInstanceOf(LookupResult.Unavailable.class, provider.lookup(DINUM));
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {400, 500, 503})
    @DisplayName("Given an error status, then the lookup is Unavailable and is not cached")
    void errorStatus(int status) {
        harness.register().replying(Reply.empty(status));
        assertInstanceOf(LookupResult.Unavailable.class, provider.lookup(DINUM));
        harness.register().replying(Reply.fixture(200, "recherche/found-siege.json"));
        assertInstanceOf(LookupResult.Found.class, provider.lookup(DINUM));
    }
}
