package fr.ceres.keycloak.common;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;

/**
 * The bundle's counters, in the Micrometer registry whose meters Keycloak's management port shows at
 * {@code /metrics} when the server runs with {@code --metrics-enabled=true}. Keycloak's own meters (its user
 * event metrics, the password hashing counter) register in Micrometer's global registry too; with metrics off
 * that registry holds no backend, so a count is a no-op, not an error.
 *
 * <p>A tag value is always one of a closed set (an enum's name, a status, a provider id): never a SIRET, an
 * address, a user id or anything typed, so the number of series stays bounded. No realm tag: Keycloak adds one to
 * its own event metrics only when asked, and the bundle serves one realm.
 */
public final class BundleMetrics {

    private final MeterRegistry registry;

    public BundleMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Keycloak's registry (Micrometer's global one), the one {@code /metrics} reads. */
    public static BundleMetrics keycloak() {
        return new BundleMetrics(Metrics.globalRegistry);
    }

    /** A tag value from a closed set: the constant's name in lower case, as Keycloak writes its event tags. */
    public static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Counts now: for what is not the database's (a cache hit, an answer sent, a refusal shown). */
    public void count(Count count, String... tags) {
        Counter.builder(count.name()).description(count.description()).tags(tags).register(registry).increment();
    }

    /**
     * Counts when the session's transaction commits, as Keycloak's user event metrics do: an account or a
     * habilitation whose transaction rolls back was never made.
     */
    public void countOnCommit(KeycloakSession session, Count count, String... tags) {
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                count(count, tags);
            }

            @Override
            protected void rollbackImpl() {
                // Nothing happened: nothing to count.
            }
        });
    }

    /**
     * Shows a size the node holds in memory (a cache, a limiter's table) as it is whenever {@code /metrics} is read,
     * so that anyone can see it stay within its bound. The meter keeps {@code owner} weakly, as Micrometer does: it
     * never keeps a closed factory's structure alive.
     */
    public <T> void gauge(Size size, T owner, ToDoubleFunction<T> value, String... tags) {
        Gauge.builder(size.name(), owner, value).description(size.description()).tags(tags).register(registry);
    }

    /**
     * One counter of the bundle: its Micrometer name (dot-separated; Prometheus shows {@code ceres.signups} as
     * {@code ceres_signups_total}) and what it counts, Prometheus's {@code HELP} line.
     */
    public record Count(String name, String description) {
    }

    /** One size shown by the bundle: its Micrometer name and what it measures, Prometheus's {@code HELP} line. */
    public record Size(String name, String description) {
    }
}
