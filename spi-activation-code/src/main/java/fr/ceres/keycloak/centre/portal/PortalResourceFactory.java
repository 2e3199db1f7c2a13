package fr.ceres.keycloak.centre.portal;

import java.util.Map;

import fr.ceres.keycloak.common.ProviderVersion;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Serves the portal page « Mes démarches » at {@code GET /realms/{realm}/ceres-portal/} (see
 * {@link PortalResource}). No option.
 */
public final class PortalResourceFactory implements RealmResourceProviderFactory, ServerInfoAwareProviderFactory {

    /** Also the id of the public client the page signs people in with. */
    public static final String PROVIDER_ID = "ceres-portal";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new PortalResourceProvider(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("version", ProviderVersion.of(getClass()));
    }
}
