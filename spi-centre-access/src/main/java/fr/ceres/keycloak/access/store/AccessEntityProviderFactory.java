package fr.ceres.keycloak.access.store;

import java.util.List;

import fr.ceres.keycloak.common.EntityTables;
import jakarta.persistence.EntityManager;

/**
 * This module's table, {@code CERES_INVITATION}, created by {@value #CHANGELOG}; its history is kept in
 * {@code DATABASECHANGELOG_CERES_ACCE}. The id is part of the schema: do not rename it.
 */
public final class AccessEntityProviderFactory extends EntityTables {

    public static final String PROVIDER_ID = "ceres-access";
    static final String CHANGELOG = "META-INF/ceres-access-changelog.xml";
    static final List<Class<?>> ENTITIES = List.of(CeresInvitationEntity.class);

    public AccessEntityProviderFactory() {
        super(PROVIDER_ID, CHANGELOG, ENTITIES);
    }

    @Override
    protected void forgetRealm(EntityManager em, String realmId) {
        new Rows(em).deleteRealm(realmId);
    }
}
