package fr.ceres.keycloak.common;

import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * What every factory of the bundle says the same way: the admin console's server info shows the bundle's
 * version and the options the factory read, and the start-up and shutdown hooks do nothing unless a subclass
 * needs them. Options are read in {@link #init} and shown through {@link #options()}.
 */
public abstract class BundleFactory implements ServerInfoAwareProviderFactory {

    /** The options as read, for the server info; none by default. */
    protected Map<String, String> options() {
        return Map.of();
    }

    public void init(Config.Scope config) {
    }

    public void postInit(KeycloakSessionFactory factory) {
    }

    public void close() {
    }

    @Override
    public final Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("version", ProviderVersion.of(getClass()));
        info.putAll(options());
        return info;
    }
}
