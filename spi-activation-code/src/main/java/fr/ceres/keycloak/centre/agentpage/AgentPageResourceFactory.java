package fr.ceres.keycloak.centre.agentpage;

import java.util.Map;

import fr.ceres.keycloak.common.RealmPages;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;

/**
 * Serves the DREETS agents' page at {@code GET /realms/{realm}/ceres-agent/} (see {@link AgentPageResource}).
 */
public final class AgentPageResourceFactory extends RealmPages {

    public static final String PROVIDER_ID = "ceres-agent";

    /** Immutable; read once from the jar. */
    private AgentPageAssets assets;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
        assets = AgentPageAssets.load();
    }

    @Override
    protected Object resource(KeycloakSession session) {
        return new AgentPageResource(session, assets);
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("client", AgentPageResource.CLIENT_ID);
    }
}
