package fr.ceres.keycloak.siret.register.remote;

/**
 * Where the nodes of a cluster claim the slots of a register's call budget ({@link RegisterBudget}): Keycloak's
 * single-use store, shared by every node. The first claim of a key wins.
 */
@FunctionalInterface
public interface SlotClaims {

    /** Whether this claim of {@code key} is the first; the key is kept {@code keptSeconds}. */
    boolean claim(String key, long keptSeconds);
}
