package fr.ceres.keycloak.centre.code.jpa;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.ceres.keycloak.centre.code.AttemptLimit;
import fr.ceres.keycloak.siret.Siret;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * The failed attempts at activation codes, in the database: the per-person limit and the per-SIRET alert read
 * them. Realm and user ids are Keycloak's, times epoch milliseconds from Keycloak's {@code Time}.
 *
 * <p>The limit holds exactly under concurrency, on one node or many, because a slot is taken before the code is
 * evaluated ({@link #reserve}): under a row lock, the person's failures are counted and, under the limit, a failure
 * is written at once and committed. Whoever comes next, on any node, waits for that commit and counts it. The code's
 * PBKDF2 run happens after, outside the lock; an outcome that is no mistake gives the slot back ({@link #release}).
 */
public final class AttemptStore {

    /** How long attempts are kept ({@link AttemptPurge}), hence how far back agents see a SIRET's failures. */
    public static final Duration RETENTION = Duration.ofDays(1);

    private final EntityManager em;

    public AttemptStore(EntityManager em) {
        this.em = em;
    }

    /** The store on the session's own entity manager, so it shares that session's transaction. */
    public static AttemptStore of(KeycloakSession session) {
        return new AttemptStore(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    /**
     * Takes one of the person's attempts within the limit, or refuses. Must be the first work of its own short
     * transaction, committed before the code is evaluated: the lock is the transaction's first statement (so that on
     * a database reading from a snapshot taken at the first read, MariaDB's default, the count comes after the
     * lock), and the commit releases the lock and publishes the slot. A slot whose request dies before its outcome
     * stays a failure: the limit errs on the side of refusing.
     */
    public AttemptReservation reserve(String realmId, String userId, Siret siret, AttemptLimit limit, long now) {
        AttemptLockEntity lock = em.find(AttemptLockEntity.class, AttemptLockEntity.stripeOf(realmId, userId),
                LockModeType.PESSIMISTIC_WRITE);
        if (lock == null) {
            throw new IllegalStateException("CERES_ATTEMPT_LOCK lacks its rows: the ceres changelog did not run");
        }
        em.detach(lock);
        Optional<Long> lockedUntil = limit.lockedUntil(failureTimesOfUserSince(realmId, userId, limit.since(now)));
        if (lockedUntil.isPresent()) {
            return new AttemptReservation.Refused(lockedUntil.get());
        }
        ActivationAttemptEntity attempt = new ActivationAttemptEntity(UUID.randomUUID().toString(), realmId, userId,
                siret.value(), now);
        em.persist(attempt);
        em.flush();
        em.detach(attempt);
        return new AttemptReservation.Reserved(attempt.getId());
    }

    /** Gives a slot back: the attempt was no mistake (the code worked, had expired, or was already used). */
    public void release(String attemptId) {
        em.createNamedQuery(ActivationAttemptEntity.DELETE).setParameter("id", attemptId).executeUpdate();
    }

    /** Marks the failure that brought its SIRET's failures to the alert threshold, for the agents' API. */
    public void markSiretAlert(String attemptId) {
        em.createNamedQuery(ActivationAttemptEntity.MARK_ALERT).setParameter("id", attemptId).executeUpdate();
    }

    /** When the person's failed attempts at or after {@code since} happened, oldest first. */
    public List<Long> failureTimesOfUserSince(String realmId, String userId, long since) {
        return em.createNamedQuery(ActivationAttemptEntity.TIMES_BY_USER, Long.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .setParameter("since", since)
                .getResultList();
    }

    /** Failed attempts on the SIRET, by anyone in the realm, at or after {@code since}. */
    public long failuresOnSiretSince(String realmId, Siret siret, long since) {
        return em.createNamedQuery(ActivationAttemptEntity.COUNT_BY_SIRET, Long.class)
                .setParameter("realmId", realmId)
                .setParameter("siret", siret.value())
                .setParameter("since", since)
                .getSingleResult();
    }

    /** When the SIRET's failures last reached the alert threshold, at or after {@code since}; empty if not. */
    public Optional<Long> lastSiretAlertSince(String realmId, Siret siret, long since) {
        return Optional.ofNullable(em.createNamedQuery(ActivationAttemptEntity.LAST_ALERT_ON_SIRET, Long.class)
                .setParameter("realmId", realmId)
                .setParameter("siret", siret.value())
                .setParameter("since", since)
                .getSingleResult());
    }

    /** Deletes attempts older than {@code before} (the scheduled purge); returns how many. */
    public int deleteBefore(long before) {
        return em.createNamedQuery(ActivationAttemptEntity.DELETE_BEFORE).setParameter("before", before).executeUpdate();
    }

    /**
     * Forgets the failed attempts on a removed centre's SIRET, by anyone, and with them its alert: the SIRET
     * registered again shows agents only what happens to the new centre.
     */
    public void deleteSiret(String realmId, Siret siret) {
        em.createQuery("delete from ActivationAttemptEntity a where a.realmId = :realmId and a.siret = :siret")
                .setParameter("realmId", realmId).setParameter("siret", siret.value()).executeUpdate();
    }

    /** Forgets a removed realm's attempts. */
    public void deleteRealm(String realmId) {
        em.createQuery("delete from ActivationAttemptEntity a where a.realmId = :realmId")
                .setParameter("realmId", realmId).executeUpdate();
    }
}
