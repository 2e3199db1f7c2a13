package fr.ceres.keycloak.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The portal page's address, as letters print it when no {@code portal-url} is configured and as emails link to it. */
class PortalUrlsTest {

    @Test
    @DisplayName("Given the address the agent reached Keycloak at, then the letter's portal is the realm's portal page « Mes démarches »")
    void defaultPortalIsThePortalPage() {
        assertEquals("https://sso.travail.gouv.fr/realms/mes-demarches/ceres-portal/",
                PortalUrls.portal(URI.create("https://sso.travail.gouv.fr/"), "mes-demarches").toString());
    }

    @Test
    @DisplayName("Given a realm name with a space, then it is encoded in the path")
    void encodesTheRealmName() {
        assertEquals("https://sso.travail.gouv.fr/realms/mes%20demarches/ceres-portal/",
                PortalUrls.portal(URI.create("https://sso.travail.gouv.fr/"), "mes demarches").toString());
    }

    @Test
    @DisplayName("Given Keycloak under a path, then the portal page keeps it")
    void keepsTheRelativePath() {
        assertEquals("http://localhost:8080/auth/realms/mes-demarches/ceres-portal/",
                PortalUrls.portal(URI.create("http://localhost:8080/auth/"), "mes-demarches").toString());
    }
}
