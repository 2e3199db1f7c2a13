package fr.ceres.keycloak.centre.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SiretAlertTest {

    final SiretAlert tenPerHour = new SiretAlert(10, Duration.ofHours(1));

    @Test
    @DisplayName("Given failures on a SIRET, then the alert is raised from the threshold on, never below")
    void threshold() {
        assertFalse(tenPerHour.raisedBy(9));
        assertTrue(tenPerHour.raisedBy(10));
        assertTrue(tenPerHour.raisedBy(11));
    }

    @Test
    @DisplayName("Given now, then the window is ]now - 1 h, now]")
    void window() {
        assertEquals(1_000L - 3_600_000L + 1, tenPerHour.since(1_000L));
    }

    @Test
    @DisplayName("Given a threshold of zero or an empty window, then it is refused at start-up")
    void invalid() {
        assertThrows(IllegalArgumentException.class, () -> new SiretAlert(0, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new SiretAlert(10, Duration.ZERO));
    }
}
