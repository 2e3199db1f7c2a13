package fr.ceres.keycloak.siret.register.recherche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.siret.register.support.MapScope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

class RechercheEntreprisesProviderFactoryTest {

    private final RechercheEntreprisesProviderFactory factory = new RechercheEntreprisesProviderFactory();

    @Test
    @DisplayName("Given the factory, then it declares every option with its default")
    void configMetadata() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (ProviderConfigProperty property : factory.getConfigMetadata()) {
            defaults.put(property.getName(), property.getDefaultValue());
        }
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("base-url", "https://recherche-entreprises.api.gouv.fr");
        expected.put("connect-timeout-ms", 1000);
        expected.put("read-timeout-ms", 2000);
        expected.put("deadline-ms", 3000);
        expected.put("contact", null);
        expected.put("cache-max-entries", 10_000);
        expected.put("cache-ttl-seconds", 3600);
        expected.put("negative-cache-ttl-seconds", 300);
        expected.put("max-calls", 7);
        expected.put("max-calls-seconds", 1);
        assertEquals(expected, defaults);
    }

    @Test
    @DisplayName("Given options, then the server info shows the version and the options in force")
    void operationalInfo() {
        factory.init(new MapScope(Map.of("read-timeout-ms", "1500")));
        Map<String, String> info = factory.getOperationalInfo();
        assertEquals("dev", info.get("version"));
        assertEquals("1500", info.get("read-timeout-ms"));
        assertEquals("https://recherche-entreprises.api.gouv.fr", info.get("base-url"));
        assertEquals("3000", info.get("deadline-ms"));
        assertEquals("not set", info.get("contact"));
        assertTrue(info.keySet().containsAll(List.of("cache-max-entries", "cached-answers")));
    }
}
