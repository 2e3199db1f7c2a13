package fr.ceres.keycloak.access.store;

import fr.ceres.keycloak.centre.habilitation.Habilitation;

/**
 * A person's request to be given access to a centre, as stored by {@link AccessRequestStore}: it waits, without
 * expiring, for one of the centre's gestionnaires to accept it (choosing the habilitation) or refuse it. Times
 * are epoch milliseconds.
 *
 * @param centre      the centre's SIRET (its Organization alias)
 * @param requesterId the account that asked
 * @param email       the requester's address when they asked, lower-case
 * @param granted     the habilitation given, once accepted
 * @param decider     the gestionnaire who decided, once decided
 * @param decidedAt   when it was decided
 * @param reason      the reason given with a refusal, if any
 */
public record AccessRequest(String id, String centre, String requesterId, String email, long createdAt, State state,
        Habilitation granted, Actor decider, Long decidedAt, String reason) {

    public enum State {
        PENDING,
        ACCEPTED,
        REFUSED
    }
}
