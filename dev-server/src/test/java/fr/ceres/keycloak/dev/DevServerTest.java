package fr.ceres.keycloak.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DevServerTest {

    @Test
    void artifactIdIsTheJarNameWithoutItsVersion() {
        assertEquals("spi-siret-attribute", DevServer.artifactId("spi-siret-attribute-0.1.0-SNAPSHOT.jar"));
        assertEquals("spi-activation-code", DevServer.artifactId("spi-activation-code-1.2.jar"));
        assertEquals("themes", DevServer.artifactId("themes.jar"));
        assertEquals("themes-extra", DevServer.artifactId("themes-extra-2.0.0.jar"));
    }
}
