package fr.ceres.keycloak.centre.code.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One failed attempt at attaching Ceres, kept in the database so the limits per user and per
 * SIRET hold across nodes. Records who and which SIRET, never what was typed.
 */
@Entity
@Table(name = "CERES_ACTIVATION_ATTEMPT")
@NamedQueries({
        @NamedQuery(name = ActivationAttemptEntity.COUNT_BY_USER,
                query = "select count(a) from ActivationAttemptEntity a"
                        + " where a.realmId = :realmId and a.userId = :userId and a.attemptedAt >= :since"),
        @NamedQuery(name = ActivationAttemptEntity.COUNT_BY_SIRET,
                query = "select count(a) from ActivationAttemptEntity a"
                        + " where a.realmId = :realmId and a.siret = :siret and a.attemptedAt >= :since"),
        @NamedQuery(name = ActivationAttemptEntity.DELETE_BEFORE,
                query = "delete from ActivationAttemptEntity a where a.attemptedAt < :before")
})
public class ActivationAttemptEntity {

    static final String COUNT_BY_USER = "ceresActivationFailuresByUser";
    static final String COUNT_BY_SIRET = "ceresActivationFailuresBySiret";
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

    @Override
    public boolean equals(Object other) {
        return other instanceof ActivationAttemptEntity entity && id != null && id.equals(entity.id);
    }

    @Override
    public int hashCode() {
        return ActivationAttemptEntity.class.hashCode();
    }
}
