package fr.ceres.keycloak.centre.admin;

import jakarta.ws.rs.Path;

/**
 * {@code /admin/realms/{realm}/ceres}: the root of the agents' API. Every path below goes through
 * {@link #centres()}, hence through {@link AgentAccess#require()}.
 *
 * <p>Public class with public methods: RESTEasy Reactive calls them from generated code.
 */
public final class CeresAdminResource {

    private final AgentRequest request;

    CeresAdminResource(AgentRequest request) {
        this.request = request;
    }

    @Path("centres")
    public CentresResource centres() {
        request.access().require();
        return new CentresResource(request);
    }
}
