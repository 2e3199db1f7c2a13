package fr.ceres.keycloak.siret.register.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import fr.ceres.keycloak.common.BundleMetrics;
import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.Establishment;
import fr.ceres.keycloak.siret.register.LookupResult;
import fr.ceres.keycloak.siret.register.support.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LookupCacheTest {

    private static final Siret DINUM = Siret.parse("13002526500013").orElseThrow();
    private static final Siret LA_POSTE = Siret.parse("35600000000048").orElseThrow();
    private static final Siret TILLEULS = Siret.parse("73282932000074").orElseThrow();

    private final TestClock clock = new TestClock();
    private final AtomicInteger upstreamCalls = new AtomicInteger();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LookupCache cache = new LookupCache(2, Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofSeconds(1), clock,
            new RegisterMetrics(new BundleMetrics(registry), "test-register"));

    private Function<Siret, LookupResult> answering(LookupResult result) {
        return siret -> {
            upstreamCalls.incrementAndGet();
            return result;
        };
    }

    private static LookupResult found(Siret siret) {
        return new LookupResult.Found(new Establishment(siret.value(), "DINUM", "20 AVENUE DE SEGUR", "75007 PARIS", true));
    }

    @Test
    @DisplayName("Given a found establishment, then it is served from the cache until the TTL passes")
    void foundKeptForTtl() {
        cache.lookup(DINUM, answering(found(DINUM)));
        clock.advance(Duration.ofMinutes(59));
        assertEquals(found(DINUM), cache.lookup(DINUM, answering(found(DINUM))));
        assertEquals(1, upstreamCalls.get());

        clock.advance(Duration.ofMinutes(1));
        cache.lookup(DINUM, answering(found(DINUM)));
        assertEquals(2, upstreamCalls.get());
    }

    @Test
    @DisplayName("Given an unknown SIRET, then it is kept for the negative TTL only")
    void notFoundKeptForNegativeTtl() {
        cache.lookup(TILLEULS, answering(new LookupResult.NotFound()));
        clock.advance(Duration.ofMinutes(4));
        cache.lookup(TILLEULS, answering(new LookupResult.NotFound()));
        assertEquals(1, upstreamCalls.get());

        clock.advance(Duration.ofMinutes(1));
        cache.lookup(TILLEULS, answering(new LookupResult.NotFound()));
        assertEquals(2, upstreamCalls.get());
    }

    @Test
    @DisplayName("Given the register was unavailable, then the next lookup asks it again")
    void unavailableNeverKept() {
        cache.lookup(DINUM, answering(new LookupResult.Unavailable("down")));
        cache.lookup(DINUM, answering(found(DINUM)));
        assertEquals(2, upstreamCalls.get());
        assertEquals(1, cache.size());
    }

    @Test
    @DisplayName("Given more SIRETs than max entries, then the least recently used one is dropped")
    void boundedLeastRecentlyUsedFirst() {
        cache.lookup(DINUM, answering(found(DINUM)));
        cache.lookup(LA_POSTE, answering(found(LA_POSTE)));
        cache.lookup(DINUM, answering(found(DINUM)));
        cache.lookup(TILLEULS, answering(found(TILLEULS)));
        assertEquals(2, cache.size());
        assertEquals(3, upstreamCalls.get());

        cache.lookup(DINUM, answering(found(DINUM)));
        assertEquals(3, upstreamCalls.get(), "recently used: still cached");
        cache.lookup(LA_POSTE, answering(found(LA_POSTE)));
        assertEquals(4, upstreamCalls.get(), "least recently used: evicted");
    }

    @Test
    @DisplayName("Given the cache full of found establishments, then lookups of unknown SIRETs, however many, push none of them out")
    void unknownSiretsNeverEvictFoundOnes() {
        cache.lookup(DINUM, answering(found(DINUM)));
        cache.lookup(LA_POSTE, answering(found(LA_POSTE)));
        for (int i = 0; i < 100; i++) {
            Siret random = Siret.parse(String.format("9%012d", i) + luhnKey(String.format("9%012d", i))).orElseThrow();
            cache.lookup(random, answering(new LookupResult.NotFound()));
        }
        int calls = upstreamCalls.get();
        cache.lookup(DINUM, answering(found(DINUM)));
        cache.lookup(LA_POSTE, answering(found(LA_POSTE)));
        assertEquals(calls, upstreamCalls.get(), "both still cached");
        assertEquals(4, cache.size(), "two found, and the two most recent unknown ones");
    }

    /** The digit that makes the 13 digits a valid SIRET. */
    private static String luhnKey(String first13) {
        for (int key = 0; key < 10; key++) {
            if (Siret.parse(first13 + key).isPresent()) {
                return Integer.toString(key);
            }
        }
        throw new IllegalStateException(first13);
    }

    @Test
    @DisplayName("Given lookups served from the cache or not, then each counts one hit or one miss, tagged with the register only")
    void hitsAndMissesCounted() {
        cache.lookup(DINUM, answering(found(DINUM)));
        cache.lookup(DINUM, answering(found(DINUM)));
        cache.lookup(DINUM, answering(found(DINUM)));
        cache.lookup(TILLEULS, answering(new LookupResult.Unavailable("down")));

        assertEquals(2.0, lookups("hit"));
        assertEquals(2.0, lookups("miss"));
        registry.getMeters().forEach(meter -> meter.getId().getTags().forEach(tag ->
                assertEquals(-1, tag.getValue().indexOf(DINUM.value()), "no SIRET in a tag")));
    }

    private double lookups(String cacheTag) {
        return registry.get("ceres.register.lookups").tag("register", "test-register").tag("cache", cacheTag)
                .counter().count();
    }
}
