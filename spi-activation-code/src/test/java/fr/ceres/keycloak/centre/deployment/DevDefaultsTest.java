package fr.ceres.keycloak.centre.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DevDefaultsTest {

    @Test
    @DisplayName("Given the shipped realm's defaults, then the secret and the local addresses are found, each saying what to set")
    void shippedDefaultsFound() {
        List<String> found = DevDefaults.of("ceres", "ceres-dev-secret",
                List.of("http://localhost:8081/*", "http://127.0.0.1:8081/*", "/"));
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).contains("CERES_CLIENT_SECRET"), found.get(0));
        assertTrue(found.get(1).contains("CERES_URL") && found.get(1).contains("http://127.0.0.1:8081/*"), found.get(1));
    }

    @Test
    @DisplayName("Given the realm stored with its placeholders unresolved (the admin API), then the defaults inside are found")
    void unresolvedPlaceholdersFound() {
        assertEquals(2, DevDefaults.of("ceres", "${CERES_CLIENT_SECRET:ceres-dev-secret}",
                List.of("${CERES_URL:http://localhost:8081}/*")).size());
    }

    @Test
    @DisplayName("Given every loopback form, then each is found; given public or relative addresses, then none")
    void loopbackForms() {
        for (String local : List.of("https://LOCALHOST/cb", "http://app.localhost:3000", "http://127.1.2.3", "http://[::1]:8081/*",
                "http://user@localhost/")) {
            assertEquals(1, DevDefaults.of("app", "s3cret", List.of(local)).size(), local);
        }
        assertEquals(List.of(), DevDefaults.of("ceres", "a-real-secret", List.of("https://ceres.example.org/*",
                "https://localhost.example.org/*", "http://localhostess.fr/", "/realms/x/account/*", "+", "*")));
    }
}
