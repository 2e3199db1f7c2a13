package fr.ceres.keycloak.access.store;

/** The two kinds of row of {@code CERES_INVITATION}: a gestionnaire invites, or a person asks. */
enum InvitationKind {
    /** A gestionnaire invited an email address to a (SIRET, role) of the centre. */
    INVITATION,
    /** A person asked a centre's gestionnaires for access; SIRET and role are chosen on acceptance. */
    REQUEST
}
