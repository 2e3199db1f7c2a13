package fr.ceres.keycloak.centre.admin;

import fr.ceres.keycloak.centre.letter.ActivationLetter;
import jakarta.ws.rs.Path;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * {@code /admin/realms/{realm}/ceres}: the root of the agents' API. Every path below goes through
 * {@link #centres()}, hence through {@link AgentAccess#require()}.
 *
 * <p>Public class with public methods: RESTEasy Reactive calls them from generated code.
 */
public final class CeresAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AgentAccess access;
    private final AdminEventBuilder adminEvent;
    private final CeresAdminOptions options;
    private final ActivationLetter letter;

    CeresAdminResource(KeycloakSession session, RealmModel realm, AgentAccess access, AdminEventBuilder adminEvent,
                       CeresAdminOptions options, ActivationLetter letter) {
        this.session = session;
        this.realm = realm;
        this.access = access;
        this.adminEvent = adminEvent;
        this.options = options;
        this.letter = letter;
    }

    @Path("centres")
    public CentresResource centres() {
        access.require();
        return new CentresResource(session, realm, access, adminEvent, options, letter);
    }
}
