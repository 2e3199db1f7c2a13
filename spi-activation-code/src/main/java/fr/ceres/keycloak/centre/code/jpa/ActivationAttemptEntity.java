package fr.ceres.keycloak.centre.code.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One failed attempt at attaching Ceres, kept in the database so the per-person limit holds across nodes and
 * an unusual rate of failures on one SIRET shows to agents. Written before the code is evaluated (a reserved
 * slot, see {@link AttemptStore#reserve}) and removed when the outcome was no mistake. Records who and which
 * SIRET, never what was typed.
 */
@Entity
@Table(name = "CERES_ACTIVATION_ATTEMPT")
@NamedQueries({
        @NamedQuery(name = ActivationAttemptEntity.TIMES_BY_USER,
                query = "select a.attemptedAt from ActivationAttemptEntity a"
                        + " where a.realmId = :realmId and a.userId = :userId and a.attemptedAt >= :since"
                        + " order by a.attemptedAt"),
        @NamedQuery(name = ActivationAttemptEntity.COUNT_BY_SIRET,
                query = "select count(a) from ActivationAttemptEntity a"
                        + " where a.realmId = :realmId and a.siret = :siret and a.attemptedAt >= :since"),
        @NamedQuery(name = ActivationAttemptEntity.LAST_ALERT_ON_SIRET,
                query = "select max(a.attemptedAt) from ActivationAttemptEntity a"
                        + " where a.realmId = :realmId and a.siret = :siret and a.attemptedAt >= :since"
                        + " and a.siretAlert = 1"),
        @NamedQuery(name = ActivationAttemptEntity.MARK_ALERT,
                query = "update ActivationAttemptEntity a set a.siretAlert = 1 where a.id = :id"),
        @NamedQuery(name = ActivationAttemptEntity.DELETE,
                query = "delete from ActivationAttemptEntity a where a.id = :id"),
        @NamedQuery(name = ActivationAttemptEntity.DELETE_BEFORE,
                query = "delete from ActivationAttemptEntity a where a.attemptedAt < :before")
})
public class ActivationAttemptEntity {

    static final String TIMES_BY_USER = "ceresActivationFailureTimesByUser";
    static final String COUNT_BY_SIRET = "ceresActivationFailuresBySiret";
    static final String LAST_ALERT_ON_SIRET = "ceresLastActivationAlertOnSiret";
    static final String MARK_ALERT = "ceresMarkActivationAlert";
    static final String DELETE = "ceresDeleteActivationAttempt";
    static final String DELETE_BEFORE = "ceresDeleteActivationAttemptsBefore";

    @Id
    @Column(name = "ID", length = 36, nullable = false)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "SIRET", length = 14, nullable = false)
    private String siret;

    /** Epoch milliseconds. */
    @Column(name = "ATTEMPTED_AT", nullable = false)
    private long attemptedAt;

    /** 1 when this failure brought the SIRET's failures to the alert threshold, else 0. */
    @Column(name = "SIRET_ALERT", nullable = false)
    private int siretAlert;

    /** For JPA. */
    protected ActivationAttemptEntity() {
    }

    public ActivationAttemptEntity(String id, String realmId, String userId, String siret, long attemptedAt) {
        this.id = id;
        this.realmId = realmId;
        this.userId = userId;
        this.siret = siret;
        this.attemptedAt = attemptedAt;
    }

    public String getId() {
        return id;
    }

    public String getRealmId() {
        return realmId;
    }

    public String getUserId() {
        return userId;
    }

    public String getSiret() {
        return siret;
    }

    public long getAttemptedAt() {
        return attemptedAt;
    }

    public boolean isSiretAlert() {
        return siretAlert == 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActivationAttemptEntity entity && id != null && id.equals(entity.id);
    }

    @Override
    public int hashCode() {
        return ActivationAttemptEntity.class.hashCode();
    }
}
