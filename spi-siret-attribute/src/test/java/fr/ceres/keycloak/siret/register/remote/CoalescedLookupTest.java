package fr.ceres.keycloak.siret.register.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.CompanyRegisterProvider;
import fr.ceres.keycloak.siret.register.LookupResult;
import fr.ceres.keycloak.siret.register.recherche.RechercheEntreprisesProviderFactory;
import fr.ceres.keycloak.siret.register.support.HttpRegisterHarness;
import fr.ceres.keycloak.siret.register.support.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CoalescedLookupTest {

    private static final int SESSIONS = 50;
    private static final Siret DINUM = Siret.parse("13002526500013").orElseThrow();

    private final ExecutorService sessions = Executors.newFixedThreadPool(SESSIONS);
    private HttpRegisterHarness harness;

    @AfterEach
    void stop() throws Exception {
        sessions.shutdownNow();
        harness.close();
    }

    @Test
    @DisplayName("Given 50 sessions looking up one SIRET at once, then the register gets exactly one call")
    void oneUpstreamCall() throws Exception {
        harness = HttpRegisterHarness.start();
        // Slow enough that every session arrives while the first call is running.
        harness.register().replying(Reply.fixture(200, "recherche/found-siege.json").after(Duration.ofMillis(500)));
        RechercheEntreprisesProviderFactory factory = new RechercheEntreprisesProviderFactory();
        harness.provider(factory, Map.of());

        CountDownLatch start = new CountDownLatch(1);
        List<Future<LookupResult>> results = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            CompanyRegisterProvider provider = harness.newSession(factory);
            results.add(sessions.submit(() -> {
                start.await();
                return provider.lookup(DINUM);
            }));
        }
        start.countDown();

        for (Future<LookupResult> result : results) {
            assertInstanceOf(LookupResult.Found.class, result.get());
        }
        assertEquals(1, harness.register().requestCount());
    }
}
