package fr.ceres.keycloak.siret.register.remote;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.LookupResult;

/**
 * The node's memory of register answers: bounded (least recently used out first), with a TTL for
 * found establishments and a shorter one for unknown SIRETs. Unavailable answers are never kept:
 * the next sign-up should ask again. Unknown SIRETs are kept apart from found establishments, each
 * with its own bound: lookups of random SIRETs (a flood of the pre-fill) only push other unknown
 * ones out, never the establishments people sign up with.
 *
 * <p>Concurrent lookups of one SIRET make one upstream call: the first caller (the leader) calls
 * in its own thread, with its own session's HTTP client; the others wait for its answer, at most
 * as long as one call may take.
 */
final class LookupCache {

    private final int maxEntries;
    private final Duration ttl;
    private final Duration negativeTtl;
    private final Duration waitBound;
    private final Clock clock;
    private final RegisterMetrics metrics;
    /** Both maps are guarded by {@code found}'s lock. */
    private final Map<Siret, Entry> found;
    private final Map<Siret, Entry> unknown;
    private final ConcurrentMap<Siret, CompletableFuture<LookupResult>> inFlight = new ConcurrentHashMap<>();

    LookupCache(int maxEntries, Duration ttl, Duration negativeTtl, Duration waitBound, Clock clock,
                RegisterMetrics metrics) {
        this.maxEntries = maxEntries;
        this.ttl = ttl;
        this.negativeTtl = negativeTtl;
        this.waitBound = waitBound;
        this.clock = clock;
        this.metrics = metrics;
        this.found = bounded();
        this.unknown = bounded();
    }

    /** Access order makes the eldest entry the least recently used one. */
    private Map<Siret, Entry> bounded() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Siret, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    LookupResult lookup(Siret siret, Function<Siret, LookupResult> upstream) {
        LookupResult cached = cached(siret);
        if (cached != null) {
            metrics.hit();
            return cached;
        }
        CompletableFuture<LookupResult> own = new CompletableFuture<>();
        CompletableFuture<LookupResult> running = inFlight.putIfAbsent(siret, own);
        if (running != null) {
            metrics.hit();
            return follow(running);
        }
        return lead(siret, upstream, own);
    }

    int size() {
        synchronized (found) {
            return found.size() + unknown.size();
        }
    }

    private LookupResult lead(Siret siret, Function<Siret, LookupResult> upstream, CompletableFuture<LookupResult> own) {
        try {
            // A previous leader may have stored its answer between our cache miss and our claim.
            LookupResult result = cached(siret);
            if (result != null) {
                metrics.hit();
            } else {
                metrics.miss();
                result = upstream.apply(siret);
                store(siret, result);
            }
            own.complete(result);
            return result;
        } finally {
            // No-op after a normal completion; if the upstream threw, followers must not wait for nothing.
            own.complete(new LookupResult.Unavailable("the concurrent lookup of this SIRET failed"));
            inFlight.remove(siret, own);
        }
    }

    private LookupResult follow(CompletableFuture<LookupResult> running) {
        try {
            return running.get(waitBound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new LookupResult.Unavailable("gave up waiting for the concurrent lookup of this SIRET");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LookupResult.Unavailable("interrupted while waiting for the concurrent lookup of this SIRET");
        } catch (ExecutionException e) {
            // lead() only completes normally; kept because Future.get declares it.
            return new LookupResult.Unavailable("the concurrent lookup of this SIRET failed");
        }
    }

    private LookupResult cached(Siret siret) {
        Instant now = clock.instant();
        synchronized (found) {
            Map<Siret, Entry> kept = found.containsKey(siret) ? found : unknown;
            Entry entry = kept.get(siret);
            if (entry == null) {
                return null;
            }
            if (now.isBefore(entry.expiresAt())) {
                return entry.result();
            }
            kept.remove(siret);
            return null;
        }
    }

    private void store(Siret siret, LookupResult result) {
        Duration life = timeToLive(result);
        if (life.isZero() || life.isNegative()) {
            return;
        }
        Entry entry = new Entry(result, clock.instant().plus(life));
        synchronized (found) {
            // An establishment closed or opened since: the newer answer is the only one kept.
            found.remove(siret);
            unknown.remove(siret);
            (result instanceof LookupResult.Found ? found : unknown).put(siret, entry);
        }
    }

    private Duration timeToLive(LookupResult result) {
        if (result instanceof LookupResult.Found) {
            return ttl;
        }
        if (result instanceof LookupResult.NotFound) {
            return negativeTtl;
        }
        return Duration.ZERO;
    }

    /** Expired entries nobody asks for again stay until least-recently-used eviction: the bound still holds. */
    private record Entry(LookupResult result, Instant expiresAt) {
    }
}
