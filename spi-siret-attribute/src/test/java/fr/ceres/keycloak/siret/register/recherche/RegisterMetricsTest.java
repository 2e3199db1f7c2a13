package fr.ceres.keycloak.siret.register.recherche;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.CompanyRegisterProvider;
import fr.ceres.keycloak.siret.register.support.HttpRegisterHarness;
import fr.ceres.keycloak.siret.register.support.Reply;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The register's counters as the server fills them: through the factory, in Keycloak's (global) registry. */
class RegisterMetricsTest {

    private static final Siret DINUM = Siret.parse("13002526500013").orElseThrow();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private HttpRegisterHarness harness;
    private CompanyRegisterProvider provider;

    @BeforeEach
    void start() throws Exception {
        Metrics.addRegistry(registry);
        harness = HttpRegisterHarness.start();
        provider = harness.provider(new RechercheEntreprisesProviderFactory(), Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
        Metrics.removeRegistry(registry);
    }

    @Test
    @DisplayName("Given a 429, then it counts once as rate-limited, and both it and the lookup skipped after it as unavailable")
    void rateLimitedAndUnavailable() {
        harness.register().replying(Reply.empty(429).withHeader("Retry-After", "30"));
        provider.lookup(DINUM);
        provider.lookup(DINUM);

        assertEquals(1.0, count("ceres.register.rate.limited"));
        assertEquals(2.0, count("ceres.register.unavailable"));
        assertEquals(2.0, registry.get("ceres.register.lookups").tag("register", RechercheEntreprisesProviderFactory.PROVIDER_ID)
                .tag("cache", "miss").counter().count(), "an unavailable answer is never kept");
    }

    private double count(String name) {
        return registry.get(name).tag("register", RechercheEntreprisesProviderFactory.PROVIDER_ID).counter().count();
    }
}
