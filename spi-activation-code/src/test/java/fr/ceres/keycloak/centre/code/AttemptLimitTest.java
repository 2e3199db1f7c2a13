package fr.ceres.keycloak.centre.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AttemptLimitTest {

    static final long MINUTE = 60_000L;
    static final long T0 = 1_700_000_000_000L;
    final AttemptLimit fivePerQuarter = new AttemptLimit(5, Duration.ofMinutes(15));

    @Test
    @DisplayName("Given fewer failures than the limit, then the person may try")
    void underTheLimit() {
        assertEquals(Optional.empty(), fivePerQuarter.lockedUntil(List.of(T0, T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE)));
    }

    @Test
    @DisplayName("Given exactly the limit, then locked until the oldest failure leaves the window")
    void atTheLimit() {
        List<Long> failures = List.of(T0, T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE, T0 + 4 * MINUTE);
        assertEquals(Optional.of(T0 + 15 * MINUTE), fivePerQuarter.lockedUntil(failures));
    }

    @Test
    @DisplayName("Given more failures than the limit (concurrent tries), then locked until enough have left to be under it")
    void overTheLimit() {
        List<Long> failures = List.of(T0, T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE, T0 + 4 * MINUTE, T0 + 5 * MINUTE, T0 + 6 * MINUTE);
        assertEquals(Optional.of(T0 + 2 * MINUTE + 15 * MINUTE), fivePerQuarter.lockedUntil(failures));
    }

    @Test
    @DisplayName("Given the lock's end, then at that instant the oldest failure no longer counts")
    void windowEdge() {
        long until = fivePerQuarter.lockedUntil(List.of(T0, T0, T0, T0, T0)).orElseThrow();
        assertEquals(T0 + 1, fivePerQuarter.since(until));
        assertEquals(T0, fivePerQuarter.since(until - 1));
    }

    @Test
    @DisplayName("Given a limit of zero attempts or an empty window, then it is refused")
    void invalid() {
        assertThrows(IllegalArgumentException.class, () -> new AttemptLimit(0, Duration.ofMinutes(15)));
        assertThrows(IllegalArgumentException.class, () -> new AttemptLimit(5, Duration.ZERO));
    }
}
