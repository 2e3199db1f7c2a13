package fr.ceres.keycloak.siret.register.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import fr.ceres.keycloak.siret.register.support.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterGateTest {

    private final TestClock clock = new TestClock();
    private final RetryAfterGate gate = new RetryAfterGate(clock);

    @Test
    @DisplayName("Given Retry-After: 30, then the gate stays closed 30 seconds and opens after")
    void seconds() {
        gate.closeAsTold("30");
        clock.advance(Duration.ofSeconds(29));
        assertTrue(gate.isClosed());
        clock.advance(Duration.ofSeconds(1));
        assertFalse(gate.isClosed());
    }

    @Test
    @DisplayName("Given Retry-After as an HTTP-date, then the gate opens at that date")
    void httpDate() {
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(clock.instant().plusSeconds(120).atZone(ZoneOffset.UTC));
        assertEquals(clock.instant().plusSeconds(120), gate.closeAsTold(inTwoMinutes));
    }

    @ParameterizedTest(name = "Retry-After \"{0}\" closes for {1} s")
    @CsvSource(value = {"NULL, 1", "'', 1", "soon, 1", "0, 0", "99999999999, 3600", "86400, 3600"}, nullValues = "NULL")
    @DisplayName("Given a missing, garbled or huge Retry-After, then the pause is one second or at most one hour")
    void defaultsAndCap(String retryAfter, long seconds) {
        assertEquals(clock.instant().plusSeconds(seconds), gate.closeAsTold(retryAfter));
    }

    @Test
    @DisplayName("Given a shorter Retry-After after a longer one, then the longer pause holds")
    void keepsLatestEnd() {
        gate.closeAsTold("60");
        gate.closeAsTold("5");
        assertEquals(clock.instant().plusSeconds(60), gate.closedUntil());
    }
}
