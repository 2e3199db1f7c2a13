package fr.ceres.keycloak.access.store;

/**
 * Where a row of {@code CERES_INVITATION} stands, stored by name in {@code STATE}; only PENDING rows can still
 * change. {@link Invitation.State} and {@link AccessRequest.State} are the states each kind of row can have.
 */
enum RowState {
    PENDING,
    ACCEPTED,
    CANCELLED,
    REFUSED,
    /** Set when a newer invitation for the same habilitation and email replaces an expired one. */
    EXPIRED
}
