package fr.ceres.keycloak.signup;

import java.util.Map;

import fr.ceres.keycloak.common.ProviderVersion;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Registers {@link SignupClaimListener} for every realm: a global listener needs no entry in a realm's
 * event listeners, so no realm can forget it (and the purge's safety does not hang on a setting).
 */
public final class SignupClaimListenerFactory implements EventListenerProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ceres-signup-claim";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new SignupClaimListener(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
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
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("version", ProviderVersion.of(getClass()));
    }
}
