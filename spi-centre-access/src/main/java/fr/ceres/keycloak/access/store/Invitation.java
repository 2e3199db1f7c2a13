package fr.ceres.keycloak.access.store;

import fr.ceres.keycloak.centre.habilitation.CeresRole;

/**
 * A gestionnaire's invitation of an email address to one habilitation of their centre, as stored by
 * {@link InvitationStore}. Times are epoch milliseconds.
 *
 * @param centre      the centre's SIRET (its Organization alias)
 * @param siret       the habilitation's SIRET: the centre's or one of its linked sites
 * @param role        the habilitation's role
 * @param email       the invited address, lower-case
 * @param inviter     who invited, with the name the email gave them
 * @param expiresAt   when it stops being acceptable; a resend moves it
 * @param linkVersion the version of the emailed link; a resend increments it and so voids older links
 * @param acceptedBy  the account that accepted it, once accepted
 * @param decidedAt   when it was accepted or cancelled
 */
public record Invitation(String id, String centre, String siret, CeresRole role, String email, Actor inviter,
        long createdAt, long expiresAt, State state, int linkVersion, String acceptedBy, Long decidedAt) {

    public enum State {
        PENDING,
        ACCEPTED,
        CANCELLED,
        /** Replaced, once expired, by a newer invitation for the same habilitation and email. */
        EXPIRED
    }

    /** Still waiting for an answer: PENDING and not expired at {@code now}. */
    public boolean isLive(long now) {
        return state == State.PENDING && now < expiresAt;
    }
}
