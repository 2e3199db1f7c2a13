package fr.ceres.keycloak.access.store;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import fr.ceres.keycloak.centre.habilitation.Habilitation;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * A realm's access requests in the database, on the same terms as {@link InvitationStore}: the caller's
 * transaction, guarded updates, one PENDING request per person and centre by constraint.
 */
public final class AccessRequestStore {

    private final Rows rows;
    private final String realmId;

    public AccessRequestStore(EntityManager em, String realmId) {
        this.rows = new Rows(em);
        this.realmId = realmId;
    }

    /** The store of the session's realm, on the session's own entity manager, so it shares the request's transaction. */
    public static AccessRequestStore of(KeycloakSession session) {
        return new AccessRequestStore(session.getProvider(JpaConnectionProvider.class).getEntityManager(),
                session.getContext().getRealm().getId());
    }

    /**
     * Stores the user's PENDING request to the centre, unless one is already pending: then empty. Requests do not
     * expire; a gestionnaire accepts or refuses them.
     */
    public Optional<AccessRequest> ask(String centre, String userId, String email, long now) {
        if (rows.taken(InvitationKeys.request(realmId, centre, userId))) {
            return Optional.empty();
        }
        return Optional.of(rows.persist(CeresInvitationEntity.request(UUID.randomUUID().toString(), realmId, centre,
                userId, email.toLowerCase(Locale.ROOT), now)).toAccessRequest());
    }

    /** The request of that id, whatever its state. */
    public Optional<AccessRequest> find(String id) {
        return rows.byId(realmId, id, InvitationKind.REQUEST).map(CeresInvitationEntity::toAccessRequest);
    }

    /** The centre's requests waiting for a gestionnaire, oldest first. */
    public List<AccessRequest> pending(String centre) {
        return rows.list(rows.em().createNamedQuery(CeresInvitationEntity.PENDING_REQUESTS, CeresInvitationEntity.class)
                        .setParameter("realmId", realmId)
                        .setParameter("centre", centre)
                        .setParameter("request", InvitationKind.REQUEST)
                        .setParameter("pending", RowState.PENDING))
                .stream().map(CeresInvitationEntity::toAccessRequest).toList();
    }

    /** The person's requests waiting for a gestionnaire, in every centre. */
    public List<AccessRequest> pendingOf(String userId) {
        return rows.list(rows.em().createNamedQuery(CeresInvitationEntity.PENDING_REQUESTS_OF, CeresInvitationEntity.class)
                        .setParameter("realmId", realmId)
                        .setParameter("userId", userId)
                        .setParameter("request", InvitationKind.REQUEST)
                        .setParameter("pending", RowState.PENDING))
                .stream().map(CeresInvitationEntity::toAccessRequest).toList();
    }

    /**
     * Accepts the PENDING request, recording the habilitation the gestionnaire chose for it; the caller grants
     * it. Of gestionnaires deciding at once, on any nodes, exactly one gets true.
     */
    public boolean accept(AccessRequest request, Habilitation granted, Actor decider, long now) {
        return decide(rows.em().createNamedQuery(CeresInvitationEntity.ACCEPT_REQUEST)
                .setParameter("accepted", RowState.ACCEPTED)
                .setParameter("siret", granted.siret())
                .setParameter("role", granted.role().id()), request, decider, now);
    }

    /** Refuses the PENDING request, with an optional reason; exactly one of concurrent deciders gets true. */
    public boolean refuse(AccessRequest request, String reason, Actor decider, long now) {
        return decide(rows.em().createNamedQuery(CeresInvitationEntity.REFUSE_REQUEST)
                .setParameter("refused", RowState.REFUSED)
                .setParameter("reason", reason == null || reason.isEmpty() ? null : reason), request, decider, now);
    }

    /** The guarded update closing the request, if it is still its centre's and PENDING: true for the one that did. */
    private boolean decide(Query update, AccessRequest request, Actor decider, long now) {
        return update.setParameter("deciderId", decider.id())
                .setParameter("deciderName", decider.name())
                .setParameter("now", now)
                .setParameter("request", InvitationKind.REQUEST)
                .setParameter("pending", RowState.PENDING)
                .setParameter("realmId", realmId)
                .setParameter("centre", request.centre())
                .setParameter("id", request.id())
                .executeUpdate() == 1;
    }
}
