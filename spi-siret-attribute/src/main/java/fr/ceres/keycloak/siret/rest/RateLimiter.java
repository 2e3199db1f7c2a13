package fr.ceres.keycloak.siret.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code requestsPerMinute} requests at once, then one every
 * {@code 60 / requestsPerMinute} seconds.
 *
 * <p>Held in memory by one node on purpose: it only has to keep one client from hammering the
 * endpoint, which is cheap to do locally, while the company register itself is protected by the
 * register providers' cache and their back-off on the register's own 429s. A cluster-wide count
 * would cost a cache round trip per request for little gain: behind a load balancer a client gets
 * at most {@code nodes × requestsPerMinute}.
 *
 * <p>At most {@code maxClients} clients are tracked; the least recently seen is forgotten first, so
 * memory stays bounded whatever the number of addresses. Forgetting a client only gives it a full
 * bucket again.
 */
final class RateLimiter {

    private static final long NANOS_PER_MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final int requestsPerMinute;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets;

    /**
     * @param nanoClock a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
     */
    RateLimiter(int requestsPerMinute, int maxClients, LongSupplier nanoClock) {
        if (requestsPerMinute < 1 || maxClients < 1) {
            throw new IllegalArgumentException("requestsPerMinute and maxClients must be at least 1");
        }
        this.requestsPerMinute = requestsPerMinute;
        this.nanoClock = nanoClock;
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    /**
     * Counts one request of {@code client}.
     *
     * @return empty when the request may go ahead; otherwise the whole seconds to wait before the
     *         next one would be allowed (at least 1), for a {@code Retry-After} header
     */
    synchronized OptionalLong retryAfterSeconds(String client) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(requestsPerMinute, now));
        bucket.refill(now, requestsPerMinute);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return OptionalLong.empty();
        }
        double nanosToNextToken = (1 - bucket.tokens) * NANOS_PER_MINUTE / requestsPerMinute;
        return OptionalLong.of(Math.max(1, (long) Math.ceil(nanosToNextToken / TimeUnit.SECONDS.toNanos(1))));
    }

    /** Number of clients currently tracked. */
    synchronized int trackedClients() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens;
        private long updatedAt;

        private Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        private void refill(long now, int requestsPerMinute) {
            long elapsed = Math.max(0, now - updatedAt);
            tokens = Math.min(requestsPerMinute, tokens + (double) elapsed * requestsPerMinute / NANOS_PER_MINUTE);
            updatedAt = now;
        }
    }
}
