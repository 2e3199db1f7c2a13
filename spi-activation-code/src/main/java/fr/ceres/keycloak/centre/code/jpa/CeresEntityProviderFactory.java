package fr.ceres.keycloak.centre.code.jpa;

import java.util.Map;

import fr.ceres.keycloak.centre.access.jpa.InvitationStore;
import fr.ceres.keycloak.common.ProviderVersion;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Registers the bundle's tables with Keycloak's entity manager (issue 3). One provider for the
 * whole bundle: later entities (invitations, access requests) join {@link CeresEntityProvider}'s
 * list and add change sets to the same changelog.
 *
 * <p>The id is part of the schema: Keycloak records this changelog's history in the table
 * {@code DATABASECHANGELOG_CERES}, named after it. Do not rename it.
 */
public final class CeresEntityProviderFactory implements JpaEntityProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ceres";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new CeresEntityProvider();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // The tables hold realm ids without a foreign key to Keycloak's own: clean up with the realm.
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                AttemptPurge.schedule(factory);
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                ActivationCodeStore.of(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
                InvitationStore.of(removed.getKeycloakSession()).deleteRealm(removed.getRealm().getId());
            }
        });
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
