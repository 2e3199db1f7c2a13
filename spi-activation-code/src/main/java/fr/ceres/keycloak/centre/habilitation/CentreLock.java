package fr.ceres.keycloak.centre.habilitation;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.jpa.entities.OrganizationEntity;

/**
 * Serializes the changes of one centre's gestionnaire habilitations across requests and nodes: a
 * pessimistic write lock on Keycloak's own row of the centre's Organization, held until the transaction ends
 * (callers make their change in a short transaction of its own, see common.ShortTransaction). Two gestionnaires revoking each other at the same instant then run one after the
 * other, and the second one counts what the first left (a centre always keeps one).
 */
final class CentreLock {

    /** The centre's gestionnaire habilitations: memberships of its groups whose role attribute says so. */
    private static final String COUNT_GESTIONNAIRES = "select count(m) from UserGroupMembershipEntity m"
            + " where m.groupId in (select a.group.id from GroupAttributeEntity a"
            + " where a.name = :roleAttribute and a.value = :gestionnaire and a.group.organization.id = :organizationId)";

    private final EntityManager em;

    CentreLock(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** Takes the centre's lock for the rest of the transaction. */
    void lock(OrganizationModel centre) {
        OrganizationEntity row = em.find(OrganizationEntity.class, centre.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw new IllegalStateException("organization " + centre.getId() + " has no row");
        }
    }

    /**
     * The centre's gestionnaire habilitations, read from the database once the lock is held: what this
     * transaction changed is flushed first, and what others committed before the lock was granted is seen.
     */
    long gestionnaireHabilitations(OrganizationModel centre) {
        em.flush();
        return em.createQuery(COUNT_GESTIONNAIRES, Long.class)
                .setParameter("roleAttribute", Habilitations.ROLE_ATTRIBUTE)
                .setParameter("gestionnaire", CeresRole.GESTIONNAIRE.id())
                .setParameter("organizationId", centre.getId())
                .getSingleResult();
    }
}
