package fr.ceres.keycloak.centre.code.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One activation code of one centre SIRET. Holds the code's salted hash, never the code.
 *
 * <p>{@code LIVE_KEY} makes "at most one ISSUED code per (realm, SIRET)" a database rule on every
 * database Keycloak supports: while the code is ISSUED it holds {@code <realm id>/<siret>}, once
 * redeemed or voided it holds the row's own id, and the column is unique. (A partial unique index
 * would say the same but H2, MySQL and MariaDB have none; a nullable column would trip over SQL
 * Server's and Oracle's treatment of NULL in unique keys.)
 *
 * <p>State changes are bulk JPQL updates guarded by the current state (see {@code
 * ActivationCodeStore}), which is what makes redemption atomic across nodes.
 */
@Entity
@Table(name = "CERES_ACTIVATION_CODE")
@NamedQueries({
        @NamedQuery(name = ActivationCodeEntity.BY_SIRET,
                query = "select c from ActivationCodeEntity c where c.realmId = :realmId and c.centreSiret = :siret"
                        + " order by c.issuedAt desc"),
        @NamedQuery(name = ActivationCodeEntity.VOID_ISSUED,
                query = "update ActivationCodeEntity c set c.state = :voided, c.liveKey = c.id"
                        + " where c.realmId = :realmId and c.centreSiret = :siret and c.state = :issued"),
        @NamedQuery(name = ActivationCodeEntity.REDEEM,
                query = "update ActivationCodeEntity c set c.state = :redeemed, c.liveKey = c.id,"
                        + " c.redeemedBy = :userId, c.redeemedAt = :now"
                        + " where c.id = :id and c.state = :issued")
})
public class ActivationCodeEntity {

    static final String BY_SIRET = "ceresActivationCodesBySiret";
    static final String VOID_ISSUED = "ceresVoidIssuedActivationCode";
    static final String REDEEM = "ceresRedeemActivationCode";

    @Id
    @Column(name = "ID", length = 36, nullable = false)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "CENTRE_SIRET", length = 14, nullable = false)
    private String centreSiret;

    @Column(name = "CODE_HASH", length = 255, nullable = false)
    private String codeHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", length = 16, nullable = false)
    private CodeState state;

    @Column(name = "LIVE_KEY", length = 64, nullable = false, unique = true)
    private String liveKey;

    /** Epoch milliseconds, from Keycloak's {@code Time} so tests can move the clock. */
    @Column(name = "ISSUED_AT", nullable = false)
    private long issuedAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "ISSUED_BY", length = 36, nullable = false)
    private String issuedBy;

    @Column(name = "REDEEMED_AT")
    private Long redeemedAt;

    @Column(name = "REDEEMED_BY", length = 36)
    private String redeemedBy;

    /** For JPA. */
    protected ActivationCodeEntity() {
    }

    /** A new ISSUED code. */
    public ActivationCodeEntity(String id, String realmId, String centreSiret, String codeHash,
            long issuedAt, long expiresAt, String issuedBy) {
        this.id = id;
        this.realmId = realmId;
        this.centreSiret = centreSiret;
        this.codeHash = codeHash;
        this.state = CodeState.ISSUED;
        this.liveKey = issuedKey(realmId, centreSiret);
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.issuedBy = issuedBy;
    }

    /** What {@code LIVE_KEY} holds while the code is ISSUED. */
    static String issuedKey(String realmId, String centreSiret) {
        return realmId + '/' + centreSiret;
    }

    public String getId() {
        return id;
    }

    public String getRealmId() {
        return realmId;
    }

    public String getCentreSiret() {
        return centreSiret;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public CodeState getState() {
        return state;
    }

    public String getLiveKey() {
        return liveKey;
    }

    public long getIssuedAt() {
        return issuedAt;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public Long getRedeemedAt() {
        return redeemedAt;
    }

    public String getRedeemedBy() {
        return redeemedBy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActivationCodeEntity entity && id != null && id.equals(entity.id);
    }

    @Override
    public int hashCode() {
        return ActivationCodeEntity.class.hashCode();
    }

    @Override
    public String toString() {
        return "ActivationCodeEntity[" + id + ", " + centreSiret + ", " + state + "]";
    }
}
