package fr.ceres.keycloak.access.store;

/**
 * Who acted on an invitation or an access request, as the records keep it: the account's id, and the name shown
 * for it (an invitation names its inviter, a decision its gestionnaire), kept as it was then.
 */
public record Actor(String id, String name) {
}
