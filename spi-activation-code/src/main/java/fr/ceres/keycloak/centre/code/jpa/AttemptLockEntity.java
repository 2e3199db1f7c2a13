package fr.ceres.keycloak.centre.code.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One of the {@value #STRIPES} rows whose database lock serialises the reservation of attempts (see {@link
 * AttemptStore#reserve}): a person's attempts always take the same row. The rows are inserted by the changelog, so
 * they exist before any request: taking a lock never races with creating what is locked, on any database.
 */
@Entity
@Table(name = "CERES_ATTEMPT_LOCK")
public class AttemptLockEntity {

    /** As many rows as the changelog inserts (0 to 15); {@code CeresChangelogTest} checks that they agree. */
    static final int STRIPES = 16;

    @Id
    @Column(name = "STRIPE", nullable = false)
    private int stripe;

    /** For JPA. */
    protected AttemptLockEntity() {
    }

    public int getStripe() {
        return stripe;
    }

    /** The row of a person: attempts of different people rarely wait for each other. */
    static int stripeOf(String realmId, String userId) {
        return Math.floorMod((realmId + '/' + userId).hashCode(), STRIPES);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttemptLockEntity entity && stripe == entity.stripe;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(stripe);
    }
}
