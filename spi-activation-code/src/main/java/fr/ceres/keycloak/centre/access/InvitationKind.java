package fr.ceres.keycloak.centre.access;

/** The two directions of the same record (DESIGN.md §3): a gestionnaire invites, or a person asks. */
public enum InvitationKind {
    /** A gestionnaire invited an email address to a (SIRET, role) of the centre (F3). */
    INVITATION,
    /** A person asked a centre's gestionnaires for access (F7); SIRET and role are chosen on acceptance. */
    REQUEST
}
