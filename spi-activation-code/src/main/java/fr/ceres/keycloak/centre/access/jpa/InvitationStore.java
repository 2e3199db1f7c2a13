package fr.ceres.keycloak.centre.access.jpa;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import fr.ceres.keycloak.centre.access.Invitation;
import fr.ceres.keycloak.centre.access.InvitationKind;
import fr.ceres.keycloak.centre.access.InvitationState;
import fr.ceres.keycloak.centre.habilitation.CeresRole;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Invitations and access requests in the database (issue 4). Works inside the caller's
 * transaction (Keycloak's, per request); realm and user ids are Keycloak's ids, times are epoch
 * milliseconds from {@code org.keycloak.common.util.Time}.
 *
 * <p>Every "once" is decided by the database: state changes are single guarded {@code UPDATE}s
 * (the row lock makes concurrent ones wait, and the loser's re-checked condition no longer
 * holds), and the PENDING row is unique per natural key by constraint (see {@link
 * CeresInvitationEntity}). Like {@code ActivationCodeStore}, this store never leaves its entities
 * managed, so bulk updates cannot leave a stale copy to be read later in the same transaction.
 */
public final class InvitationStore {

    private final EntityManager em;

    public InvitationStore(EntityManager em) {
        this.em = em;
    }

    /** The store on the session's own entity manager, so it shares the request's transaction. */
    public static InvitationStore of(KeycloakSession session) {
        return new InvitationStore(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    /**
     * Stores a PENDING invitation of {@code email} to the habilitation (centre, SIRET, role), unless
     * one is still live for it: then empty. An expired PENDING one is marked EXPIRED first, which
     * frees its key. If another node invites the same person to the same habilitation at the same
     * moment, one of the two transactions fails on the {@code LIVE_KEY} constraint.
     */
    public Optional<Invitation> invite(String realmId, String centre, String siret, CeresRole role, String email,
            String inviterId, String inviterName, long now, long expiresAt) {
        String lowerEmail = email.toLowerCase(Locale.ROOT);
        String liveKey = InvitationKeys.invitation(realmId, centre, siret, role, lowerEmail);
        em.createNamedQuery(CeresInvitationEntity.EXPIRE)
                .setParameter("expired", InvitationState.EXPIRED)
                .setParameter("pending", InvitationState.PENDING)
                .setParameter("liveKey", liveKey)
                .setParameter("now", now)
                .executeUpdate();
        if (taken(liveKey)) {
            return Optional.empty();
        }
        return Optional.of(persist(CeresInvitationEntity.invitation(UUID.randomUUID().toString(), realmId, centre,
                siret, role, lowerEmail, inviterId, inviterName, now, expiresAt)));
    }

    /** The invitation or request of that id in the realm, whatever its state. */
    public Optional<Invitation> find(String realmId, String id) {
        return em.createNamedQuery(CeresInvitationEntity.BY_ID, CeresInvitationEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("id", id)
                .getResultStream()
                .peek(em::detach)
                .map(CeresInvitationEntity::toInvitation)
                .findFirst();
    }

    /** The centre's live invitations or requests (PENDING, unexpired), oldest first. */
    public List<Invitation> pending(String realmId, String centre, InvitationKind kind, long now) {
        List<CeresInvitationEntity> rows = em.createNamedQuery(CeresInvitationEntity.PENDING, CeresInvitationEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("centre", centre)
                .setParameter("kind", kind)
                .setParameter("pending", InvitationState.PENDING)
                .setParameter("now", now)
                .getResultList();
        rows.forEach(em::detach);
        return rows.stream().map(CeresInvitationEntity::toInvitation).toList();
    }

    /** The person's access requests still waiting for a gestionnaire, in every centre. */
    public List<Invitation> pendingRequestsOf(String realmId, String userId) {
        List<CeresInvitationEntity> rows = em.createNamedQuery(CeresInvitationEntity.PENDING_REQUESTS_OF, CeresInvitationEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .setParameter("request", InvitationKind.REQUEST)
                .setParameter("pending", InvitationState.PENDING)
                .getResultList();
        rows.forEach(em::detach);
        return rows.stream().map(CeresInvitationEntity::toInvitation).toList();
    }

    /**
     * Accepts the invitation for {@code userId} if it is still PENDING, unexpired and the link is of
     * the current version. Of any number of concurrent calls, on any nodes, exactly one gets true
     * (once its transaction commits): that caller, and only it, grants the habilitation.
     */
    public boolean accept(String realmId, String id, int linkVersion, String userId, long now) {
        return em.createNamedQuery(CeresInvitationEntity.ACCEPT)
                .setParameter("accepted", InvitationState.ACCEPTED)
                .setParameter("pending", InvitationState.PENDING)
                .setParameter("invitation", InvitationKind.INVITATION)
                .setParameter("realmId", realmId)
                .setParameter("id", id)
                .setParameter("linkVersion", linkVersion)
                .setParameter("userId", userId)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /**
     * Gives a PENDING invitation of the centre a new link version (voiding every link sent before)
     * and a new expiry, even if it had expired; empty if it is not PENDING (accepted, cancelled…).
     */
    public Optional<Invitation> resend(String realmId, String centre, String id, long now, long expiresAt) {
        int updated = em.createNamedQuery(CeresInvitationEntity.RESEND)
                .setParameter("expiresAt", expiresAt)
                .setParameter("invitation", InvitationKind.INVITATION)
                .setParameter("pending", InvitationState.PENDING)
                .setParameter("realmId", realmId)
                .setParameter("centre", centre)
                .setParameter("id", id)
                .executeUpdate();
        return updated == 1 ? find(realmId, id) : Optional.empty();
    }

    /** Cancels a PENDING invitation of the centre; false if it was not PENDING (or not the centre's). */
    public boolean cancel(String realmId, String centre, String id, String byUserId, long now) {
        return em.createNamedQuery(CeresInvitationEntity.CANCEL)
                .setParameter("cancelled", InvitationState.CANCELLED)
                .setParameter("byUserId", byUserId)
                .setParameter("now", now)
                .setParameter("invitation", InvitationKind.INVITATION)
                .setParameter("pending", InvitationState.PENDING)
                .setParameter("realmId", realmId)
                .setParameter("centre", centre)
                .setParameter("id", id)
                .executeUpdate() == 1;
    }

    /**
     * Stores the user's PENDING access request to the centre, unless one is already pending: then
     * empty. Requests do not expire; a gestionnaire accepts or refuses them.
     */
    public Optional<Invitation> request(String realmId, String centre, String userId, String email, long now) {
        if (taken(InvitationKeys.request(realmId, centre, userId))) {
            return Optional.empty();
        }
        return Optional.of(persist(CeresInvitationEntity.request(UUID.randomUUID().toString(), realmId, centre,
                userId, email.toLowerCase(Locale.ROOT), now)));
    }

    /**
     * Decides a PENDING access request of the centre: accepted with the chosen SIRET and role, or
     * refused with an optional reason. Exactly one of concurrent deciders gets true.
     */
    public boolean decide(String realmId, String centre, String id, boolean accepted, String deciderId,
            String deciderName, String siret, CeresRole role, String reason, long now) {
        if (accepted && (siret == null || role == null)) {
            throw new IllegalArgumentException("an accepted request needs a SIRET and a role");
        }
        return em.createNamedQuery(CeresInvitationEntity.DECIDE)
                .setParameter("decision", accepted ? InvitationState.ACCEPTED : InvitationState.REFUSED)
                .setParameter("deciderId", deciderId)
                .setParameter("deciderName", deciderName)
                .setParameter("siret", accepted ? siret : null)
                .setParameter("role", accepted ? role.id() : null)
                .setParameter("reason", accepted ? null : reason)
                .setParameter("now", now)
                .setParameter("request", InvitationKind.REQUEST)
                .setParameter("pending", InvitationState.PENDING)
                .setParameter("realmId", realmId)
                .setParameter("centre", centre)
                .setParameter("id", id)
                .executeUpdate() == 1;
    }

    /** Forgets a removed realm's invitations and requests: a new realm of the same id must start clean. */
    public void deleteRealm(String realmId) {
        em.createNamedQuery(CeresInvitationEntity.DELETE_REALM).setParameter("realmId", realmId).executeUpdate();
    }

    private boolean taken(String liveKey) {
        return em.createNamedQuery(CeresInvitationEntity.LIVE_KEY_TAKEN, Long.class)
                .setParameter("liveKey", liveKey)
                .getSingleResult() > 0;
    }

    private Invitation persist(CeresInvitationEntity entity) {
        em.persist(entity);
        // Flush now so a constraint violation surfaces in the caller's request, then let go.
        em.flush();
        em.detach(entity);
        return entity.toInvitation();
    }
}
