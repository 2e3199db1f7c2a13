package fr.ceres.keycloak.centre.attach;

import java.time.Duration;

/**
 * When failures on one SIRET, whoever makes them, are unusual enough to tell agents: {@code failures} within a
 * sliding {@code window}. It locks nobody out: the letter's holder must never be refused because of other people's
 * mistakes, and the per-person limit already makes guessing a 60-bit code hopeless.
 *
 * @param failures failed attempts on one SIRET within the window that raise the alert
 * @param window   how long a failed attempt counts
 */
record SiretAlert(int failures, Duration window) {

    SiretAlert {
        if (failures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("an alert needs at least 1 failure and a positive window");
        }
    }

    /** The earliest attempt time (epoch ms) that still counts at {@code now}. */
    long since(long now) {
        return now - window.toMillis() + 1;
    }

    boolean raisedBy(long failuresInWindow) {
        return failuresInWindow >= failures;
    }
}
