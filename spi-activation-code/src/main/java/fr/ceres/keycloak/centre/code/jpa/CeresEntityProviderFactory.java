package fr.ceres.keycloak.centre.code.jpa;

import java.util.List;

import fr.ceres.keycloak.centre.CentreTables;
import fr.ceres.keycloak.siret.Siret;
import jakarta.persistence.EntityManager;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * This module's tables, {@code CERES_ACTIVATION_CODE}, {@code CERES_ACTIVATION_ATTEMPT} and {@code CERES_ATTEMPT_LOCK}, created by
 * {@value #CHANGELOG}; its history is kept in {@code DATABASECHANGELOG_CERES}, named after the id, so the id is
 * part of the schema: do not rename it. Once the schema is up to date, the purge of old failed attempts is
 * scheduled ({@link AttemptPurge}). A removed centre's codes and the attempts on its SIRET go with it.
 */
public final class CeresEntityProviderFactory extends CentreTables {

    public static final String PROVIDER_ID = "ceres";
    static final String CHANGELOG = "META-INF/ceres-changelog.xml";
    static final List<Class<?>> ENTITIES = List.of(ActivationCodeEntity.class, ActivationAttemptEntity.class,
            AttemptLockEntity.class);

    public CeresEntityProviderFactory() {
        super(PROVIDER_ID, CHANGELOG, ENTITIES);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        super.postInit(factory);
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                AttemptPurge.schedule(factory);
            }
        });
    }

    @Override
    protected void forgetRealm(EntityManager em, String realmId) {
        new ActivationCodeStore(em).deleteRealm(realmId);
        new AttemptStore(em).deleteRealm(realmId);
    }

    @Override
    protected void forgetCentre(EntityManager em, String realmId, Siret siret, String organizationId) {
        new ActivationCodeStore(em).deleteCentre(realmId, siret);
        new AttemptStore(em).deleteSiret(realmId, siret);
    }
}
