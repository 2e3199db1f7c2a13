package fr.ceres.keycloak.siret.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;

class CompanyRegisterResourceFactoryTest {

    /** A Config.Scope over a map, as Keycloak hands the factory its {@code --spi-…} options. */
    private static final class MapScope extends Config.AbstractScope {
        private final Map<String, String> values;

        private MapScope(Map<String, String> values) {
            this.values = values;
        }

        @Override
        public String get(String key) {
            return values.get(key);
        }

        @Override
        public Config.Scope scope(String... scope) {
            return new MapScope(Map.of());
        }

        @Override
        public Set<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Config.Scope root() {
            return this;
        }
    }

    @Test
    @DisplayName("Given no option, then the id is company-register and the limit 30 a minute")
    void defaults() {
        CompanyRegisterResourceFactory factory = new CompanyRegisterResourceFactory();
        factory.init(new MapScope(Map.of()));
        assertEquals("company-register", factory.getId());
        assertEquals("30", factory.getOperationalInfo().get("requests-per-minute"));
        assertEquals("dev", factory.getOperationalInfo().get("version"));
        assertEquals("requests-per-minute", factory.getConfigMetadata().get(0).getName());
    }

    @Test
    @DisplayName("Given requests-per-minute, then it is the limit")
    void configured() {
        CompanyRegisterResourceFactory factory = new CompanyRegisterResourceFactory();
        factory.init(new MapScope(Map.of("requests-per-minute", "5")));
        assertEquals("5", factory.getOperationalInfo().get("requests-per-minute"));
    }

    @Test
    @DisplayName("Given a limit below 1, then start-up fails with the option's name")
    void rejectsZero() {
        CompanyRegisterResourceFactory factory = new CompanyRegisterResourceFactory();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> factory.init(new MapScope(Map.of("requests-per-minute", "0"))));
        assertEquals(true, error.getMessage().contains("--spi-realm-restapi-extension--company-register--requests-per-minute"));
    }
}
