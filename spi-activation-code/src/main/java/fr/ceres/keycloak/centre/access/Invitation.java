package fr.ceres.keycloak.centre.access;

import fr.ceres.keycloak.centre.habilitation.CeresRole;

/**
 * An invitation to a centre, or a person's access request to it (issue 4), as stored by
 * {@code InvitationStore}. Times are epoch milliseconds.
 *
 * @param centre      the centre's SIRET (its Organization alias)
 * @param siret       the habilitation's SIRET; {@code null} for a request not yet accepted
 * @param role        the habilitation's role; {@code null} for a request not yet accepted
 * @param email       the invited (or requesting) address, lower-case
 * @param userId      REQUEST: the requester; INVITATION: who accepted it, once accepted
 * @param authorId    INVITATION: the inviter; REQUEST: the gestionnaire who decided, once decided
 * @param authorName  the display name of {@code authorId} when it acted (the invitation email names the inviter)
 * @param expiresAt   when a PENDING invitation stops being acceptable ({@link Long#MAX_VALUE} for requests)
 * @param linkVersion the version of the emailed link; a resend increments it and so voids older links
 * @param decidedAt   when it was accepted, cancelled or refused
 * @param reason      the optional reason given when a request is refused
 */
public record Invitation(String id, InvitationKind kind, String centre, String siret, CeresRole role, String email,
        String userId, String authorId, String authorName, long createdAt, long expiresAt, InvitationState state,
        int linkVersion, Long decidedAt, String reason) {

    /** Still waiting for an answer: PENDING and not expired at {@code now}. */
    public boolean isLive(long now) {
        return state == InvitationState.PENDING && now < expiresAt;
    }
}
