package fr.ceres.keycloak.centre.access;

/** Where an invitation or access request stands; only PENDING ones can still change. */
public enum InvitationState {
    PENDING,
    ACCEPTED,
    CANCELLED,
    REFUSED,
    /** Set when a newer invitation for the same habilitation and email replaces an expired one. */
    EXPIRED
}
