package fr.ceres.keycloak.access.store;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.ceres.keycloak.siret.Siret;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * What both stores do with {@code CERES_INVITATION} rows: read them detached, insert them at once, and ask
 * whether a live key is taken. Rows never stay managed: the stores' bulk updates bypass the persistence
 * context, and a managed copy would be read back stale later in the same transaction.
 */
final class Rows {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final EntityManager em;

    Rows(EntityManager em) {
        this.em = em;
    }

    EntityManager em() {
        return em;
    }

    /**
     * Whether the text can be a row's id: the stores make them as UUIDs. Anything else names no row and is not sent
     * to the database, some of which cannot even compare it (PostgreSQL refuses a NUL in text).
     */
    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    Optional<CeresInvitationEntity> byId(String realmId, String id, InvitationKind kind) {
        if (!isId(id)) {
            return Optional.empty();
        }
        return list(em.createNamedQuery(CeresInvitationEntity.BY_ID, CeresInvitationEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("id", id)
                .setParameter("kind", kind)).stream().findFirst();
    }

    List<CeresInvitationEntity> list(TypedQuery<CeresInvitationEntity> query) {
        List<CeresInvitationEntity> found = query.getResultList();
        found.forEach(em::detach);
        return found;
    }

    boolean taken(String liveKey) {
        return em.createNamedQuery(CeresInvitationEntity.LIVE_KEY_TAKEN, Long.class)
                .setParameter("liveKey", liveKey)
                .getSingleResult() > 0;
    }

    CeresInvitationEntity persist(CeresInvitationEntity entity) {
        em.persist(entity);
        // Flush now so a constraint violation surfaces in the caller's request, then let go.
        em.flush();
        em.detach(entity);
        return entity;
    }

    /**
     * Forgets a removed centre's invitations and access requests, pending or closed: a link or a request must not
     * outlive its centre and stand for a new centre of the same SIRET.
     */
    void deleteCentre(String realmId, Siret siret) {
        em.createNamedQuery(CeresInvitationEntity.DELETE_CENTRE)
                .setParameter("realmId", realmId)
                .setParameter("centre", siret.value())
                .executeUpdate();
    }

    /**
     * Forgets what a removed person left: their access requests, pending or decided (a pending one would stay on the
     * centre's page with nobody to grant), and the invitations they accepted. Invitations they sent stay: they are
     * the centre's, which other gestionnaires see and may cancel.
     */
    void deletePerson(String realmId, String userId) {
        em.createNamedQuery(CeresInvitationEntity.DELETE_PERSON)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .executeUpdate();
    }

    /** Forgets a removed realm's invitations and requests: a new realm of the same id must start clean. */
    void deleteRealm(String realmId) {
        em.createNamedQuery(CeresInvitationEntity.DELETE_REALM).setParameter("realmId", realmId).executeUpdate();
    }
}
