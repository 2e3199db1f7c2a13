package fr.ceres.keycloak.centre.admin;

import fr.ceres.keycloak.centre.letter.ActivationLetter;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * One call of the agents' API: the request's session and realm, who calls ({@link AgentAccess}), its admin
 * events, and what the server read once at start-up (the options, the letter with its font).
 */
record AgentRequest(KeycloakSession session, RealmModel realm, AgentAccess access, AdminEventBuilder adminEvent,
                    CeresAdminOptions options, ActivationLetter letter) {
}
