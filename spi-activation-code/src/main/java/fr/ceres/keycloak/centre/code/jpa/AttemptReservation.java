package fr.ceres.keycloak.centre.code.jpa;

/**
 * What a person's attempt at a code got from the per-person limit, before the code is looked at: a slot (a failed
 * attempt recorded in advance, which stays one unless the outcome releases it), or a refusal.
 */
public sealed interface AttemptReservation {

    /** The attempt may be evaluated; {@code attemptId} is its row, already committed as a failure. */
    record Reserved(String attemptId) implements AttemptReservation {
    }

    /** The person is at the limit: nothing is evaluated until {@code lockedUntil} (epoch ms). */
    record Refused(long lockedUntil) implements AttemptReservation {
    }
}
