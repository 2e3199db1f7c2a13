package fr.ceres.keycloak.centre.code.jpa;

import java.util.List;

import fr.ceres.keycloak.centre.access.jpa.CeresInvitationEntity;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** The bundle's JPA entities and the Liquibase changelog that creates their tables. */
final class CeresEntityProvider implements JpaEntityProvider {

    static final String CHANGELOG = "META-INF/ceres-changelog.xml";
    static final List<Class<?>> ENTITIES = List.of(ActivationCodeEntity.class, ActivationAttemptEntity.class,
            CeresInvitationEntity.class);

    @Override
    public List<Class<?>> getEntities() {
        return ENTITIES;
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return CeresEntityProviderFactory.PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
