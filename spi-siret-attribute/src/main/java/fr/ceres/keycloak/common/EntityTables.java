package fr.ceres.keycloak.common;

import java.util.List;

import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

/**
 * A module's own tables in Keycloak's database: its JPA entities, the Liquibase changelog that creates them
 * (Keycloak applies it at start-up and keeps its history in {@code DATABASECHANGELOG_<first ten letters of
 * the id>}, so the id is part of the schema), and their clean-up when a realm is removed. The tables hold
 * Keycloak's realm ids without a foreign key to Keycloak's own tables, so nothing else would remove those rows.
 */
public abstract class EntityTables extends BundleFactory implements JpaEntityProviderFactory {

    private final String id;
    private final String changelog;
    private final List<Class<?>> entities;

    protected EntityTables(String id, String changelog, List<Class<?>> entities) {
        this.id = id;
        this.changelog = changelog;
        this.entities = List.copyOf(entities);
    }

    /** Deletes the removed realm's rows, in the removal's transaction. */
    protected abstract void forgetRealm(EntityManager em, String realmId);

    @Override
    public final JpaEntityProvider create(KeycloakSession session) {
        return new JpaEntityProvider() {
            @Override
            public List<Class<?>> getEntities() {
                return entities;
            }

            @Override
            public String getChangelogLocation() {
                return changelog;
            }

            @Override
            public String getFactoryId() {
                return id;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmRemovedEvent removed) {
                forgetRealm(removed.getKeycloakSession().getProvider(JpaConnectionProvider.class).getEntityManager(),
                        removed.getRealm().getId());
            }
        });
    }

    @Override
    public final String getId() {
        return id;
    }
}
