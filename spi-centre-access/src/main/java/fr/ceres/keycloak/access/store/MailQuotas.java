package fr.ceres.keycloak.access.store;

import java.time.Duration;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * The daily quotas of the emails portal users trigger, counted in {@code CERES_MAIL_SENT} over the last 24
 * hours. Works in the caller's transaction: an email that then fails to go rolls its count back with the rest.
 *
 * <p>Exact across nodes: counting and recording happen under a write lock on Keycloak's own row of the subject
 * (the centre's Organization, the person's account), held until the transaction ends, so concurrent sends of
 * one subject are counted one after the other and never pass the limit together.
 */
public final class MailQuotas {

    static final Duration WINDOW = Duration.ofDays(1);

    private final EntityManager em;
    private final String realmId;
    private final MailQuotaOptions options;

    MailQuotas(EntityManager em, String realmId, MailQuotaOptions options) {
        this.em = em;
        this.realmId = realmId;
        this.options = options;
    }

    /** The quotas of the session's realm, on the session's entity manager, with the server's options. */
    public static MailQuotas of(KeycloakSession session) {
        return new MailQuotas(session.getProvider(JpaConnectionProvider.class).getEntityManager(),
                session.getContext().getRealm().getId(), AccessEntityProviderFactory.quotaOptions(session));
    }

    /**
     * Counts one email against the subject's quota if it has room left: true, and the email may go; false, and
     * nothing was counted.
     */
    public boolean take(MailQuota quota, String subject, long now) {
        if (em.find(quota.lockedRow(), subject, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new IllegalStateException(quota.lockedRow().getSimpleName() + " " + subject + " has no row");
        }
        long since = now - WINDOW.toMillis();
        em.createNamedQuery(MailSentEntity.FORGET_BEFORE)
                .setParameter("realmId", realmId)
                .setParameter("quota", quota.id())
                .setParameter("subject", subject)
                .setParameter("since", since)
                .executeUpdate();
        long sent = em.createNamedQuery(MailSentEntity.COUNT_SINCE, Long.class)
                .setParameter("realmId", realmId)
                .setParameter("quota", quota.id())
                .setParameter("subject", subject)
                .setParameter("since", since)
                .getSingleResult();
        if (sent >= options.limit(quota)) {
            return false;
        }
        MailSentEntity row = new MailSentEntity(UUID.randomUUID().toString(), realmId, quota.id(), subject, now);
        em.persist(row);
        em.flush();
        em.detach(row);
        return true;
    }

    /**
     * Forgets a removed subject's count (a centre's Organization id, a person's user id): only the subject's own
     * next email deletes its old rows, and a removed subject sends none.
     */
    static void deleteSubject(EntityManager em, String realmId, MailQuota quota, String subject) {
        em.createNamedQuery(MailSentEntity.DELETE_SUBJECT)
                .setParameter("realmId", realmId)
                .setParameter("quota", quota.id())
                .setParameter("subject", subject)
                .executeUpdate();
    }

    /** Forgets a removed realm's counts. */
    static void deleteRealm(EntityManager em, String realmId) {
        em.createNamedQuery(MailSentEntity.DELETE_REALM).setParameter("realmId", realmId).executeUpdate();
    }
}
