package fr.ceres.keycloak.centre.code.jpa;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import fr.ceres.keycloak.centre.code.ActivationCode;
import fr.ceres.keycloak.centre.code.ActivationCodeHasher;
import fr.ceres.keycloak.centre.code.CentreCodeStatus;
import fr.ceres.keycloak.centre.code.RedemptionResult;
import fr.ceres.keycloak.siret.Siret;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Activation codes in the database (the failed attempts are {@link AttemptStore}'s). Works inside the caller's
 * transaction (Keycloak's, per request); realm and user ids are Keycloak's ids, times are epoch
 * milliseconds from {@code org.keycloak.common.util.Time} so tests can move the clock.
 *
 * <p>Every "once" is decided by the database: state changes are single guarded {@code UPDATE}s,
 * and the row that is ISSUED is unique per (realm, SIRET) by constraint (see {@link
 * ActivationCodeEntity}). Because bulk updates bypass the persistence context, this store never
 * leaves its entities managed: what it reads or writes is detached at once, so nothing stale can
 * be read back later in the same transaction.
 */
public final class ActivationCodeStore {

    private final EntityManager em;
    private final SecureRandom random;
    private final ActivationCodeHasher hasher;

    public ActivationCodeStore(EntityManager em) {
        this.em = em;
        this.random = new SecureRandom();
        this.hasher = new ActivationCodeHasher(random);
    }

    /** The store on the session's own entity manager, so it shares the request's transaction. */
    public static ActivationCodeStore of(KeycloakSession session) {
        return new ActivationCodeStore(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    /**
     * Issues a new code for the centre, voiding its ISSUED one if any, and returns it: the only
     * time the code exists in clear. If another node issues for the same SIRET at the same moment,
     * one of the two transactions fails on the {@code LIVE_KEY} constraint.
     */
    public ActivationCode issue(String realmId, Siret siret, String issuedBy, long issuedAt, long expiresAt) {
        voidIssued(realmId, siret);
        ActivationCode code = ActivationCode.generate(random);
        ActivationCodeEntity entity = new ActivationCodeEntity(UUID.randomUUID().toString(), realmId,
                siret.value(), hasher.hash(code), issuedAt, expiresAt, issuedBy);
        persist(entity);
        return code;
    }

    /** Voids the centre's ISSUED code, if any; returns how many were voided (0 or 1). */
    public int voidIssued(String realmId, Siret siret) {
        return em.createNamedQuery(ActivationCodeEntity.VOID_ISSUED)
                .setParameter("voided", CodeState.VOID)
                .setParameter("issued", CodeState.ISSUED)
                .setParameter("realmId", realmId)
                .setParameter("siret", siret.value())
                .executeUpdate();
    }

    /**
     * Tries the typed code against the centre's ISSUED code and, when it is right and unexpired,
     * marks it REDEEMED by {@code userId}. Of any number of concurrent calls with the right code,
     * on any nodes, exactly one gets {@link RedemptionResult#REDEEMED} (once its transaction
     * commits); the others get {@link RedemptionResult#ALREADY_REDEEMED}.
     */
    public RedemptionResult redeem(String realmId, Siret siret, String typed, String userId, long now) {
        List<ActivationCodeEntity> codes = codesOf(realmId, siret);
        Optional<ActivationCodeEntity> issued = codes.stream().filter(c -> c.getState() == CodeState.ISSUED).findFirst();
        if (issued.isEmpty()) {
            return codes.stream().anyMatch(c -> c.getState() == CodeState.REDEEMED)
                    ? RedemptionResult.ALREADY_REDEEMED
                    : RedemptionResult.NO_CODE;
        }
        if (!matches(typed, issued.get())) {
            return RedemptionResult.WRONG_CODE;
        }
        if (now >= issued.get().getExpiresAt()) {
            return RedemptionResult.EXPIRED;
        }
        return markRedeemed(issued.get().getId(), userId, now)
                ? RedemptionResult.REDEEMED
                : RedemptionResult.ALREADY_REDEEMED;
    }

    /** Forgets a removed realm's codes: a new realm of the same id must start clean. */
    public void deleteRealm(String realmId) {
        em.createQuery("delete from ActivationCodeEntity c where c.realmId = :realmId")
                .setParameter("realmId", realmId).executeUpdate();
    }

    /** Forgets a removed centre's codes, whatever their state: the SIRET registered again starts without code. */
    public void deleteCentre(String realmId, Siret siret) {
        em.createQuery("delete from ActivationCodeEntity c where c.realmId = :realmId and c.centreSiret = :siret")
                .setParameter("realmId", realmId).setParameter("siret", siret.value()).executeUpdate();
    }

    /** Where the centre stands: no code, awaiting activation, code expired, or active. */
    public CentreCodeStatus status(String realmId, Siret siret, long now) {
        List<ActivationCodeEntity> codes = codesOf(realmId, siret);
        OptionalLong lastRedeemedAt = codes.stream()
                .filter(c -> c.getState() == CodeState.REDEEMED && c.getRedeemedAt() != null)
                .mapToLong(ActivationCodeEntity::getRedeemedAt)
                .max();
        Optional<ActivationCodeEntity> issued = codes.stream().filter(c -> c.getState() == CodeState.ISSUED).findFirst();
        if (issued.isPresent()) {
            long expiresAt = issued.get().getExpiresAt();
            CentreCodeStatus.State state = now >= expiresAt
                    ? CentreCodeStatus.State.CODE_EXPIRED
                    : CentreCodeStatus.State.AWAITING_ACTIVATION;
            return new CentreCodeStatus(state, OptionalLong.of(expiresAt), lastRedeemedAt);
        }
        CentreCodeStatus.State state = lastRedeemedAt.isPresent()
                ? CentreCodeStatus.State.ACTIVE
                : CentreCodeStatus.State.NO_CODE;
        return new CentreCodeStatus(state, OptionalLong.empty(), lastRedeemedAt);
    }

    private boolean matches(String typed, ActivationCodeEntity issued) {
        // Text that cannot be a code is wrong without spending a PBKDF2 run on it.
        return ActivationCode.parse(typed).map(code -> hasher.matches(code, issued.getCodeHash())).orElse(false);
    }

    /**
     * The ISSUED → REDEEMED transition: one guarded UPDATE. The database row lock makes concurrent
     * updates of the row wait for each other, and the loser re-reads the state and updates nothing.
     */
    private boolean markRedeemed(String codeId, String userId, long now) {
        return em.createNamedQuery(ActivationCodeEntity.REDEEM)
                .setParameter("redeemed", CodeState.REDEEMED)
                .setParameter("issued", CodeState.ISSUED)
                .setParameter("userId", userId)
                .setParameter("now", now)
                .setParameter("id", codeId)
                .executeUpdate() == 1;
    }

    private List<ActivationCodeEntity> codesOf(String realmId, Siret siret) {
        List<ActivationCodeEntity> codes = em.createNamedQuery(ActivationCodeEntity.BY_SIRET, ActivationCodeEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("siret", siret.value())
                .getResultList();
        codes.forEach(em::detach);
        return codes;
    }

    private void persist(Object entity) {
        em.persist(entity);
        // Flush now so a constraint violation surfaces in the caller's request, then let go.
        em.flush();
        em.detach(entity);
    }
}
