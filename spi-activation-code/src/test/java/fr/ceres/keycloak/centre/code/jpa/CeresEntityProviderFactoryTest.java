package fr.ceres.keycloak.centre.code.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.connections.jpa.util.JpaUtils;

class CeresEntityProviderFactoryTest {

    @Test
    @DisplayName("Given the bundle on the class path, then Keycloak's service loader finds the entity provider factory")
    void registered() {
        assertTrue(ServiceLoader.load(JpaEntityProviderFactory.class).stream()
                .anyMatch(p -> p.type() == CeresEntityProviderFactory.class));
    }

    @Test
    @DisplayName("Given the provider, then it lists the entities and a changelog its class loader can read")
    void provider() {
        JpaEntityProvider provider = new CeresEntityProviderFactory().create(null);
        assertEquals(List.of(ActivationCodeEntity.class, ActivationAttemptEntity.class, AttemptLockEntity.class),
                provider.getEntities());
        assertNotNull(provider.getClass().getClassLoader().getResource(provider.getChangelogLocation()));
        assertEquals("DATABASECHANGELOG_CERES", JpaUtils.getCustomChangelogTableName(provider.getFactoryId()));
    }

    @Test
    @DisplayName("Given the factory, then it reports a version in the server info")
    void version() {
        assertEquals("dev", new CeresEntityProviderFactory().getOperationalInfo().get("version"));
    }
}
