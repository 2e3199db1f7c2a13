package fr.ceres.keycloak.access.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.ceres.keycloak.centre.habilitation.CeresRole;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * A realm's invitations in the database. Works inside the caller's transaction (Keycloak's, per request);
 * user ids are Keycloak's ids, times are epoch milliseconds from {@code org.keycloak.common.util.Time}.
 *
 * <p>Every "once" is decided by the database: state changes are single guarded {@code UPDATE}s (the row lock
 * makes concurrent ones wait, and the loser's re-checked condition no longer holds), and the PENDING row is
 * unique per natural key by constraint (see {@link CeresInvitationEntity}). Like {@code ActivationCodeStore},
 * this store never leaves its entities managed, so bulk updates cannot leave a stale copy to be read later in
 * the same transaction.
 */
public final class InvitationStore {

    private final Rows rows;
    private final String realmId;

    public InvitationStore(EntityManager em, String realmId) {
        this.rows = new Rows(em);
        this.realmId = realmId;
    }

    /** The store of the session's realm, on the session's own entity manager, so it shares the request's transaction. */
    public static InvitationStore of(KeycloakSession session) {
        return new InvitationStore(session.getProvider(JpaConnectionProvider.class).getEntityManager(),
                session.getContext().getRealm().getId());
    }

    /**
     * Stores a PENDING invitation of {@code email} to the habilitation (centre, SIRET, role), unless one is still
     * live for it: then empty. An expired PENDING one is marked EXPIRED first, which frees its key. If another
     * node invites the same person to the same habilitation at the same moment, one of the two transactions
     * fails on the {@code LIVE_KEY} constraint.
     */
    public Optional<Invitation> invite(String centre, String siret, CeresRole role, String email, Actor inviter,
            long now, long expiresAt) {
        String lowerEmail = Invitation.storedForm(email);
        String liveKey = InvitationKeys.invitation(realmId, centre, siret, role, lowerEmail);
        rows.em().createNamedQuery(CeresInvitationEntity.EXPIRE)
                .setParameter("expired", RowState.EXPIRED)
                .setParameter("pending", RowState.PENDING)
                .setParameter("liveKey", liveKey)
                .setParameter("now", now)
                .executeUpdate();
        if (rows.taken(liveKey)) {
            return Optional.empty();
        }
        return Optional.of(rows.persist(CeresInvitationEntity.invitation(UUID.randomUUID().toString(), realmId, centre,
                siret, role, lowerEmail, inviter, now, expiresAt)).toInvitation());
    }

    /** The invitation of that id, whatever its state. */
    public Optional<Invitation> find(String id) {
        return rows.byId(realmId, id, InvitationKind.INVITATION).map(CeresInvitationEntity::toInvitation);
    }

    /** The centre's live invitations (PENDING, unexpired), oldest first. */
    public List<Invitation> pending(String centre, long now) {
        return rows.list(rows.em().createNamedQuery(CeresInvitationEntity.PENDING_INVITATIONS, CeresInvitationEntity.class)
                        .setParameter("realmId", realmId)
                        .setParameter("centre", centre)
                        .setParameter("invitation", InvitationKind.INVITATION)
                        .setParameter("pending", RowState.PENDING)
                        .setParameter("now", now))
                .stream().map(CeresInvitationEntity::toInvitation).toList();
    }

    /**
     * Accepts the invitation for {@code userId} if it is still PENDING, unexpired and the link is of the current
     * version. Of any number of concurrent calls, on any nodes, exactly one gets true (once its transaction
     * commits): that caller, and only it, grants the habilitation.
     */
    public boolean accept(String id, int linkVersion, String userId, long now) {
        return rows.em().createNamedQuery(CeresInvitationEntity.ACCEPT)
                .setParameter("accepted", RowState.ACCEPTED)
                .setParameter("pending", RowState.PENDING)
                .setParameter("invitation", InvitationKind.INVITATION)
                .setParameter("realmId", realmId)
                .setParameter("id", id)
                .setParameter("linkVersion", linkVersion)
                .setParameter("userId", userId)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /**
     * Gives a PENDING invitation of the centre a new link version (voiding every link sent before) and a new
     * expiry, even if it had expired; empty if it is not PENDING (accepted, cancelled…).
     */
    public Optional<Invitation> resend(String centre, String id, long expiresAt) {
        if (!Rows.isId(id)) {
            return Optional.empty();
        }
        int updated = rows.em().createNamedQuery(CeresInvitationEntity.RESEND)
                .setParameter("expiresAt", expiresAt)
                .setParameter("invitation", InvitationKind.INVITATION)
                .setParameter("pending", RowState.PENDING)
                .setParameter("realmId", realmId)
                .setParameter("centre", centre)
                .setParameter("id", id)
                .executeUpdate();
        return updated == 1 ? find(id) : Optional.empty();
    }

    /** Cancels a PENDING invitation of the centre; false if it was not PENDING (or not the centre's). */
    public boolean cancel(String centre, String id, String byUserId, long now) {
        return rows.em().createNamedQuery(CeresInvitationEntity.CANCEL)
                .setParameter("cancelled", RowState.CANCELLED)
                .setParameter("byUserId", byUserId)
                .setParameter("now", now)
                .setParameter("invitation", InvitationKind.INVITATION)
                .setParameter("pending", RowState.PENDING)
                .setParameter("realmId", realmId)
                .setParameter("centre", centre)
                .setParameter("id", id)
                .executeUpdate() == 1;
    }
}
