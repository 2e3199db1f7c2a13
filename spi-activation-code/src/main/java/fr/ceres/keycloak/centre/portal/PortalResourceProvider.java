package fr.ceres.keycloak.centre.portal;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class PortalResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final PortalOptions options;

    PortalResourceProvider(KeycloakSession session, PortalOptions options) {
        this.session = session;
        this.options = options;
    }

    @Override
    public Object getResource() {
        return new PortalResource(session, options);
    }

    @Override
    public void close() {
    }
}
