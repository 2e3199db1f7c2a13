package fr.ceres.keycloak.siret.register.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RegisterBudgetTest {

    /** A second of the clock, in milliseconds since the epoch: slots are aligned on it. */
    private static final long SECOND = 1_780_000_000_000L;

    private long now = SECOND;
    private final Set<String> claimed = new HashSet<>();
    /** Per second of the clock, the calls that got a slot. */
    private final TreeMap<Long, Integer> callsPerSecond = new TreeMap<>();
    private final SlotClaims claims = (key, keptSeconds) -> {
        if (!claimed.add(key)) {
            return false;
        }
        callsPerSecond.merge(Math.floorDiv(now, 1000L), 1, Integer::sum);
        return true;
    };

    private RegisterBudget budget(CallRate rate, Duration patience) {
        return new RegisterBudget("test-register", rate, patience, () -> now, millis -> now += millis);
    }

    @Test
    @DisplayName("Given callers of both kinds at random instants, however many, then no second of the clock holds more calls than the rate")
    void neverMoreThanTheRatePerSecond() {
        RegisterBudget budget = budget(new CallRate(7, 1), Duration.ofSeconds(3));
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            now += random.nextInt(10);
            if (random.nextInt(10) == 0) {
                budget.forPriority(claims);
            } else {
                budget.forPrefill(claims);
            }
        }
        assertTrue(callsPerSecond.size() > 10, "the run spans seconds: " + callsPerSecond);
        callsPerSecond.forEach((second, calls) -> assertTrue(calls <= 7, calls + " calls in second " + second));
        assertEquals(7, callsPerSecond.get(callsPerSecond.firstKey() + 1), "a busy second uses the whole rate");
    }

    @Test
    @DisplayName("Given 30 calls a minute, then a minute of the clock holds 30 calls, one every 1.6 seconds, none in its last 12 (the guard)")
    void perMinuteRate() {
        RegisterBudget budget = budget(new CallRate(30, 60), Duration.ofSeconds(3));
        long minute = Math.floorDiv(SECOND, 60_000L) * 60_000L + 60_000L;
        now = minute;
        while (now < minute + 60_000) {
            budget.forPriority(claims);
            now += 100;
        }
        long minuteEnds = (minute + 60_000) / 1000;
        assertEquals(30, callsPerSecond.headMap(minuteEnds).values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(minute / 1000 + 46, callsPerSecond.headMap(minuteEnds).lastKey(),
                "one call every 1.6 s, none in the last 12 s, the guard: " + callsPerSecond);
    }

    @Test
    @DisplayName("Given the current slot taken, then a sign-up waits for the next one as it opens, while a pre-fill is refused at once")
    void priorityWaitsPrefillRefused() {
        RegisterBudget budget = budget(new CallRate(7, 1), Duration.ofSeconds(3));
        assertTrue(budget.forPriority(claims));
        assertEquals(SECOND, now, "a free slot: no wait");

        now = SECOND + 100;
        assertFalse(budget.forPrefill(claims), "its slot is taken");
        assertEquals(SECOND + 100, now, "refused without waiting");

        assertTrue(budget.forPriority(claims));
        assertEquals(SECOND + 115, now, "the next slot, as it opens (800 / 7 ms: the last 200 ms are the guard)");
    }

    @Test
    @DisplayName("Given a pre-fill early in a free slot, then it waits for the slot's middle, so a sign-up arriving meanwhile takes the slot first")
    void prefillOnlyFromTheMiddle() {
        RegisterBudget budget = budget(new CallRate(30, 60), Duration.ofSeconds(3));
        // 1.6-second slots: a sign-up at its start claims it before a pre-fill, which must wait for the middle.
        assertTrue(budget.forPriority(claims));
        now = SECOND + 1_600 + 10;
        assertTrue(budget.forPrefill(claims));
        assertEquals(SECOND + 2_400, now, "the middle of the slot opening at 1.6 s");
    }

    @Test
    @DisplayName("Given the last fifth of a second, the guard, then a pre-fill is refused and a sign-up waits for the next second")
    void guardAtTheEndOfEachPeriod() {
        RegisterBudget budget = budget(new CallRate(7, 1), Duration.ofSeconds(3));
        now = SECOND + 850;
        assertFalse(budget.forPrefill(claims));
        assertEquals(SECOND + 850, now, "refused without waiting");
        assertTrue(budget.forPriority(claims));
        assertEquals(SECOND + 1_000, now);
    }

    @Test
    @DisplayName("Given every slot within its patience taken, then a sign-up gives up when the patience runs out")
    void priorityGivesUpAfterItsPatience() {
        RegisterBudget budget = budget(new CallRate(1, 1), Duration.ofMillis(1_500));
        claimed.add("ceres-register-budget:test-register:" + SECOND / 1000);
        claimed.add("ceres-register-budget:test-register:" + (SECOND / 1000 + 1));
        assertFalse(budget.forPriority(claims));
        assertTrue(now <= SECOND + 1_500, "no wait past the patience: " + (now - SECOND));
    }
}
