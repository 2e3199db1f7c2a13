package fr.ceres.keycloak.bench;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Refresh tokens taken before the measures, handed out in turn to the refresh scenario's virtual users; each
 * refresh puts back the new token it got, so the pool outlives a token's lifespan in long runs.
 */
final class TokenPool {

    private final AtomicReferenceArray<String> tokens;
    private final AtomicInteger next = new AtomicInteger();

    TokenPool(List<String> tokens) {
        this.tokens = new AtomicReferenceArray<>(tokens.toArray(String[]::new));
    }

    /** An endless feeder of {@code slot} and {@code refreshToken}. */
    Iterator<Map<String, Object>> feeder() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                int slot = Math.floorMod(next.getAndIncrement(), tokens.length());
                return Map.of("slot", slot, "refreshToken", tokens.get(slot));
            }
        };
    }

    void put(int slot, String token) {
        tokens.set(slot, token);
    }
}
