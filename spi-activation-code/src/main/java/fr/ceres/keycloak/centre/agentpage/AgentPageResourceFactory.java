package fr.ceres.keycloak.centre.agentpage;

import java.util.Map;

import fr.ceres.keycloak.common.ProviderVersion;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Serves the DREETS agents' page at {@code GET /realms/{realm}/ceres-agent/} (see {@link AgentPageResource}).
 */
public final class AgentPageResourceFactory implements RealmResourceProviderFactory, ServerInfoAwareProviderFactory {

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
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new AgentPageResourceProvider(session, assets);
    }

    @Override
    public void close() {
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("version", ProviderVersion.of(getClass()), "client", AgentPageResource.CLIENT_ID);
    }
}
