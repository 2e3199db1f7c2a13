package fr.ceres.keycloak.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The address a request asked for, moved from the node's own base to the one Keycloak's hostname settings give. */
class RequestedUrlTest {

    private static final URI NODE = URI.create("http://10.0.3.7:8080/");
    private static final URI PUBLIC = URI.create("https://sso.travail.gouv.fr/");

    @Test
    @DisplayName("Given a request that reached the node at its own address, then its address is on the public host")
    void movesToThePublicHost() {
        assertEquals("https://sso.travail.gouv.fr/realms/mes-demarches/ceres-portal/acces/41823967900016",
                RequestedUrl.moved(URI.create("http://10.0.3.7:8080/realms/mes-demarches/ceres-portal/acces/41823967900016"),
                        NODE, PUBLIC).toString());
    }

    @Test
    @DisplayName("Given an encoded path and query, then they are kept as they came")
    void keepsTheEncoding() {
        assertEquals("https://sso.travail.gouv.fr/realms/mes%20demarches/ceres-portal/?notice=%7Bx%7D&q=a+b",
                RequestedUrl.moved(URI.create("http://10.0.3.7:8080/realms/mes%20demarches/ceres-portal/?notice=%7Bx%7D&q=a+b"),
                        NODE, PUBLIC).toString());
    }

    @Test
    @DisplayName("Given Keycloak under a path on the node and another publicly, then the public one replaces it")
    void replacesTheRelativePath() {
        assertEquals("https://sso.travail.gouv.fr/auth/realms/mes-demarches/ceres-agent/",
                RequestedUrl.moved(URI.create("http://10.0.3.7:8080/kc/realms/mes-demarches/ceres-agent/"),
                        URI.create("http://10.0.3.7:8080/kc/"), URI.create("https://sso.travail.gouv.fr/auth/")).toString());
    }

    @Test
    @DisplayName("Given the base itself, then the address is the public base")
    void theBaseItself() {
        assertEquals("https://sso.travail.gouv.fr/", RequestedUrl.moved(NODE, NODE, PUBLIC).toString());
    }
}
