package fr.ceres.keycloak.centre.code;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * At most {@code max} failed attempts within a sliding {@code window}. The attempts
 * themselves are rows in the database, so the limit holds across nodes; this only does the sums.
 *
 * @param max    failed attempts allowed within the window; the next one is refused
 * @param window how long a failed attempt counts
 */
public record AttemptLimit(int max, Duration window) {

    public AttemptLimit {
        if (max < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a limit needs at least 1 attempt and a positive window");
        }
    }

    /** The earliest attempt time (epoch ms) that still counts at {@code now}: the window is ]now - window, now]. */
    public long since(long now) {
        return now - window.toMillis() + 1;
    }

    /**
     * Until when (epoch ms) no attempt is allowed, given the times of the failed attempts that
     * still count, oldest first; empty when an attempt is allowed now. The person may try again
     * once enough attempts have left the window to bring the count under {@code max}: that is
     * when the oldest attempt that keeps them at the limit leaves it.
     */
    public Optional<Long> lockedUntil(List<Long> countingAttemptsOldestFirst) {
        int count = countingAttemptsOldestFirst.size();
        if (count < max) {
            return Optional.empty();
        }
        return Optional.of(countingAttemptsOldestFirst.get(count - max) + window.toMillis());
    }
}
