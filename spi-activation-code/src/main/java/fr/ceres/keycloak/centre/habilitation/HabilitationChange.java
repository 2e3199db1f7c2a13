package fr.ceres.keycloak.centre.habilitation;

/** How a revocation or a change of habilitation ended. */
public enum HabilitationChange {

    /** Done. */
    DONE,
    /** The person does not hold the habilitation (any more): nothing changed. */
    NOT_HELD,
    /** It is the centre's last gestionnaire habilitation: refused, nothing changed. */
    LAST_GESTIONNAIRE
}
