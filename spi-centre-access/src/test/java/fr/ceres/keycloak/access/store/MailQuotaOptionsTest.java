package fr.ceres.keycloak.access.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;

class MailQuotaOptionsTest {

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
    @DisplayName("Given no option, then 50 invitation emails per centre and 5 access requests per person a day, declared and shown")
    void defaults() {
        AccessEntityProviderFactory factory = new AccessEntityProviderFactory();
        factory.init(new MapScope(Map.of()));
        assertEquals("50", factory.getOperationalInfo().get("invitations-per-centre-per-day"));
        assertEquals("5", factory.getOperationalInfo().get("access-requests-per-person-per-day"));
        assertEquals(List.of("invitations-per-centre-per-day", "access-requests-per-person-per-day"),
                factory.getConfigMetadata().stream().map(ProviderConfigProperty::getName).toList());
    }

    @Test
    @DisplayName("Given options, then they are the limits")
    void options() {
        MailQuotaOptions options = MailQuotaOptions.read(new MapScope(Map.of("invitations-per-centre-per-day", "3",
                "access-requests-per-person-per-day", "2")));
        assertEquals(3, options.limit(MailQuota.CENTRE_INVITATIONS));
        assertEquals(2, options.limit(MailQuota.PERSON_REQUESTS));
    }

    @Test
    @DisplayName("Given a limit out of range, then the start-up fails naming the exact flag")
    void outOfRange() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MailQuotaOptions.read(new MapScope(Map.of("access-requests-per-person-per-day", "0"))));
        assertTrue(error.getMessage().startsWith("--spi-jpa-entity-provider--ceres-access--access-requests-per-person-per-day"
                + " must be between 1 and 10000"), error.getMessage());
    }
}
