package fr.ceres.keycloak.centre.agentpage;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class AgentPageResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final AgentPageAssets assets;

    AgentPageResourceProvider(KeycloakSession session, AgentPageAssets assets) {
        this.session = session;
        this.assets = assets;
    }

    @Override
    public Object getResource() {
        return new AgentPageResource(session, assets);
    }

    @Override
    public void close() {
    }
}
