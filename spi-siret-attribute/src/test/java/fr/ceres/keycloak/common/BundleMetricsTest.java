package fr.ceres.keycloak.common;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.services.DefaultKeycloakTransactionManager;
import org.keycloak.tracing.NoopTracingProvider;
import org.keycloak.tracing.TracingProvider;

class BundleMetricsTest {

    private static final BundleMetrics.Count SIGNUPS = new BundleMetrics.Count("ceres.test.signups", "test");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BundleMetrics metrics = new BundleMetrics(registry);

    @Test
    @DisplayName("Given a fact counted on commit, then it counts once the session's transaction commits, not before")
    void countedOnCommit() {
        KeycloakTransactionManager transaction = begun();
        metrics.countOnCommit(session(transaction), SIGNUPS, "outcome", "sent");
        assertNull(registry.find(SIGNUPS.name()).counter(), "nothing before the commit");

        transaction.commit();
        assertEquals(1.0, registry.get(SIGNUPS.name()).tag("outcome", "sent").counter().count());
    }

    @Test
    @DisplayName("Given a fact counted on commit, then a rolled-back transaction counts nothing")
    void notCountedOnRollback() {
        KeycloakTransactionManager transaction = begun();
        metrics.countOnCommit(session(transaction), SIGNUPS);
        transaction.rollback();
        assertNull(registry.find(SIGNUPS.name()).counter());
    }

    @Test
    @DisplayName("Given Keycloak's registry without backend (metrics off), then counting does nothing and throws nothing")
    void metricsOff() {
        assertEquals(0, Metrics.globalRegistry.getRegistries().size(), "no backend in unit tests");
        assertDoesNotThrow(() -> BundleMetrics.keycloak().count(SIGNUPS, "outcome", "sent"));
    }

    @Test
    @DisplayName("Given an enum constant, then its tag is its name in lower case")
    void enumTag() {
        assertEquals("wrong_code", BundleMetrics.tag(Refusal.WRONG_CODE));
    }

    private enum Refusal { WRONG_CODE }

    /** Keycloak's own transaction manager, begun; its session only gives the no-op tracing it asks for. */
    private static KeycloakTransactionManager begun() {
        KeycloakSession tracingOnly = (KeycloakSession) Proxy.newProxyInstance(BundleMetricsTest.class.getClassLoader(),
                new Class<?>[] {KeycloakSession.class}, (proxy, method, args) ->
                        method.getName().equals("getProvider") && args[0] == TracingProvider.class
                                ? new NoopTracingProvider() : null);
        KeycloakTransactionManager manager = new DefaultKeycloakTransactionManager(tracingOnly);
        manager.begin();
        return manager;
    }

    /** Just enough of a session for {@link BundleMetrics#countOnCommit}: its transaction. */
    private static KeycloakSession session(KeycloakTransactionManager transaction) {
        return (KeycloakSession) Proxy.newProxyInstance(BundleMetricsTest.class.getClassLoader(),
                new Class<?>[] {KeycloakSession.class},
                (proxy, method, args) -> method.getName().equals("getTransactionManager") ? transaction : null);
    }
}
