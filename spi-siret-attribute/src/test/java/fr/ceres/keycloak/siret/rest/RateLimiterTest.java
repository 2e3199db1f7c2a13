package fr.ceres.keycloak.siret.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(42);

    private RateLimiter limiter(int perMinute, int maxClients) {
        return new RateLimiter(perMinute, maxClients, nanos::get);
    }

    private void advanceSeconds(long seconds) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    @DisplayName("Given 30 per minute, then 30 requests pass at once and the 31st waits 2 s")
    void burstThenRetryAfter() {
        RateLimiter limiter = limiter(30, 10);
        for (int i = 0; i < 30; i++) {
            assertTrue(limiter.retryAfterSeconds("192.0.2.1").isEmpty(), "request " + (i + 1));
        }
        assertEquals(OptionalLong.of(2), limiter.retryAfterSeconds("192.0.2.1"));
    }

    @Test
    @DisplayName("Given an exhausted client, then one request passes again once a token has dripped back")
    void refillsOverTime() {
        RateLimiter limiter = limiter(30, 10);
        for (int i = 0; i < 30; i++) {
            limiter.retryAfterSeconds("192.0.2.1");
        }
        advanceSeconds(1);
        assertEquals(OptionalLong.of(1), limiter.retryAfterSeconds("192.0.2.1"));
        advanceSeconds(1);
        assertTrue(limiter.retryAfterSeconds("192.0.2.1").isEmpty());
        assertTrue(limiter.retryAfterSeconds("192.0.2.1").isPresent());
        advanceSeconds(3600);
        for (int i = 0; i < 30; i++) {
            assertTrue(limiter.retryAfterSeconds("192.0.2.1").isEmpty(), "bucket never holds more than 30");
        }
        assertTrue(limiter.retryAfterSeconds("192.0.2.1").isPresent());
    }

    @Test
    @DisplayName("Given one exhausted client, then another client is not held back")
    void clientsAreCountedApart() {
        RateLimiter limiter = limiter(1, 10);
        limiter.retryAfterSeconds("192.0.2.1");
        assertEquals(OptionalLong.of(60), limiter.retryAfterSeconds("192.0.2.1"));
        assertTrue(limiter.retryAfterSeconds("192.0.2.2").isEmpty());
    }

    @Test
    @DisplayName("Given more clients than tracked, then the least recently seen is forgotten")
    void boundedMemory() {
        RateLimiter limiter = limiter(1, 2);
        limiter.retryAfterSeconds("a");
        limiter.retryAfterSeconds("b");
        limiter.retryAfterSeconds("a"); // a is now the most recent (and blocked)
        limiter.retryAfterSeconds("c"); // evicts b
        assertEquals(2, limiter.trackedClients());
        assertTrue(limiter.retryAfterSeconds("a").isPresent(), "a is still tracked");
        assertTrue(limiter.retryAfterSeconds("b").isEmpty(), "b was forgotten, so gets a full bucket");
    }

    @Test
    @DisplayName("Given a limit below 1, then the limiter refuses to be built")
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> limiter(0, 10));
        assertThrows(IllegalArgumentException.class, () -> limiter(30, 0));
    }
}
