package fr.ceres.keycloak.siret.register.remote;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Keeps the node from calling a register that answered 429 until its Retry-After has passed.
 * Recherche d'entreprises allows 7 requests per second per IP; calling again during the pause only
 * prolongs it.
 */
final class RetryAfterGate {

    /** Without a usable Retry-After: the registers count per second, so one second is the shortest honest wait. */
    static final Duration DEFAULT_PAUSE = Duration.ofSeconds(1);
    /** A wrong or hostile header must not mute the register for days. */
    static final Duration MAX_PAUSE = Duration.ofHours(1);

    private static final Pattern SECONDS = Pattern.compile("\\d+");
    /** Longer than this many digits is more than MAX_PAUSE anyway, and would overflow a long. */
    private static final int MAX_SECONDS_DIGITS = 9;

    private final Clock clock;
    private final AtomicReference<Instant> closedUntil = new AtomicReference<>(Instant.MIN);

    RetryAfterGate(Clock clock) {
        this.clock = clock;
    }

    boolean isClosed() {
        return clock.instant().isBefore(closedUntil.get());
    }

    Instant closedUntil() {
        return closedUntil.get();
    }

    /**
     * Closes the gate for what a 429's Retry-After says: delay-seconds or an HTTP-date (RFC 9110).
     * Concurrent 429s keep the latest end.
     *
     * @return when the gate opens again
     */
    Instant closeAsTold(String retryAfter) {
        Instant now = clock.instant();
        Instant until = now.plus(pause(retryAfter, now));
        return closedUntil.accumulateAndGet(until, (current, proposed) -> current.isAfter(proposed) ? current : proposed);
    }

    private static Duration pause(String retryAfter, Instant now) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return DEFAULT_PAUSE;
        }
        String value = retryAfter.trim();
        if (SECONDS.matcher(value).matches()) {
            return value.length() > MAX_SECONDS_DIGITS ? MAX_PAUSE : clamp(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return clamp(Duration.between(now, date));
        } catch (DateTimeParseException e) {
            return DEFAULT_PAUSE;
        }
    }

    private static Duration clamp(Duration pause) {
        if (pause.isNegative()) {
            return Duration.ZERO;
        }
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }
}
