package fr.ceres.keycloak.centre.portal;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class PortalResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    PortalResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new PortalResource(session);
    }

    @Override
    public void close() {
    }
}
