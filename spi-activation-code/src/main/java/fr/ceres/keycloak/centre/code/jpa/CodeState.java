package fr.ceres.keycloak.centre.code.jpa;

/** Where an activation code stands; stored by name in {@code CERES_ACTIVATION_CODE.STATE}. */
public enum CodeState {
    /** Mailed, not yet used: at most one per (realm, SIRET). */
    ISSUED,
    /** Used once; it made its user the centre's gestionnaire. */
    REDEEMED,
    /** Replaced by a re-issue before it was used. */
    VOID
}
