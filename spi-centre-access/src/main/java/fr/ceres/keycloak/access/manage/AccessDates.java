package fr.ceres.keycloak.access.manage;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Dates as the access page shows them: day and time on the ministry's clock (Paris), like the
 * invitation email's expiry; the server's own zone is whatever its host has.
 */
final class AccessDates {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(PARIS);
    private static final DateTimeFormatter MACHINE = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(PARIS);

    private AccessDates() {
    }

    /** {@code 14/01/2026 14:45}. */
    static String shown(long epochMillis) {
        return SHOWN.format(Instant.ofEpochMilli(epochMillis));
    }

    /** For the {@code datetime} attribute of {@code <time>}. */
    static String machine(long epochMillis) {
        return MACHINE.format(Instant.ofEpochMilli(epochMillis));
    }
}
