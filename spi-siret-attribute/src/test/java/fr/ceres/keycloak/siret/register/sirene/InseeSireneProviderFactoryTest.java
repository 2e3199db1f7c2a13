package fr.ceres.keycloak.siret.register.sirene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import fr.ceres.keycloak.siret.register.support.MapScope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

class InseeSireneProviderFactoryTest {

    private static final String SECRET_KEY = "0f3c2a-secret-integration-key";

    private final InseeSireneProviderFactory factory = new InseeSireneProviderFactory();

    @Test
    @DisplayName("Given the factory, then api-key is declared secret and the INSEE 3.11 URL is the default")
    void configMetadata() {
        ProviderConfigProperty apiKey = factory.getConfigMetadata().stream()
                .filter(property -> property.getName().equals("api-key")).findFirst().orElseThrow();
        assertTrue(apiKey.isSecret());
        assertEquals("https://api.insee.fr/api-sirene/3.11", factory.getConfigMetadata().stream()
                .filter(property -> property.getName().equals("base-url")).findFirst().orElseThrow().getDefaultValue());
    }

    @Test
    @DisplayName("Given an api-key, then the server info says it is set and never shows it")
    void keyNeverShown() {
        factory.init(new MapScope(Map.of("api-key", SECRET_KEY)));
        Map<String, String> info = factory.getOperationalInfo();
        assertEquals("set", info.get("api-key"));
        assertEquals("dev", info.get("version"));
        assertFalse(info.toString().contains(SECRET_KEY));
    }
}
