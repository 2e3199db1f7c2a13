package fr.ceres.keycloak.siret.register.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;

import fr.ceres.keycloak.siret.register.support.MapScope;
import org.apache.http.client.config.RequestConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RemoteRegisterOptionsTest {

    private static final String DEFAULT_URL = "https://register.example";
    private static final CallRate RATE = new CallRate(7, 1);

    @Test
    @DisplayName("Given no options, then the documented defaults apply")
    void defaults() {
        RemoteRegisterOptions options = RemoteRegisterOptions.read(MapScope.empty(), DEFAULT_URL, RATE);
        assertEquals(new RemoteRegisterOptions(DEFAULT_URL, Duration.ofMillis(1000), Duration.ofMillis(2000),
                Duration.ofMillis(3000), null, 10_000, Duration.ofHours(1), Duration.ofMinutes(5), RATE), options);
    }

    @Test
    @DisplayName("Given max-calls and its period, then the budget is theirs; below 1, start-up fails")
    void maxCalls() {
        assertEquals(new CallRate(2, 10), RemoteRegisterOptions.read(
                new MapScope(Map.of("max-calls", "2", "max-calls-seconds", "10")), DEFAULT_URL, RATE).maxCalls());
        assertThrows(IllegalArgumentException.class,
                () -> RemoteRegisterOptions.read(new MapScope(Map.of("max-calls", "0")), DEFAULT_URL, RATE));
    }

    @Test
    @DisplayName("Given timeouts, then every request carries them: pool wait, connect and read")
    void requestConfig() {
        RequestConfig config = RemoteRegisterOptions.read(
                new MapScope(Map.of("connect-timeout-ms", "300", "read-timeout-ms", "700")), DEFAULT_URL, RATE).requestConfig();
        assertEquals(300, config.getConnectionRequestTimeout());
        assertEquals(300, config.getConnectTimeout());
        assertEquals(700, config.getSocketTimeout());
    }

    @Test
    @DisplayName("Given a base URL with a trailing slash, then paths are appended once")
    void trailingSlash() {
        assertEquals("http://127.0.0.1:8080/api",
                RemoteRegisterOptions.read(new MapScope(Map.of("base-url", "http://127.0.0.1:8080/api/")), DEFAULT_URL, RATE).baseUrl());
    }

    @Test
    @DisplayName("Given a contact, then the User-Agent names the bundle, its version, the register and the contact")
    void userAgent() {
        RemoteRegisterOptions options = RemoteRegisterOptions.read(
                new MapScope(Map.of("contact", " https://ceres.example.gouv.fr/contact ")), DEFAULT_URL, RATE);
        assertEquals("ceres-keycloak/1.4.0 (company-register insee-sirene; +https://ceres.example.gouv.fr/contact)",
                options.userAgent("1.4.0", "insee-sirene"));
        assertEquals("ceres-keycloak/1.4.0 (company-register insee-sirene)",
                RemoteRegisterOptions.read(MapScope.empty(), DEFAULT_URL, RATE).userAgent("1.4.0", "insee-sirene"));
    }

    @Test
    @DisplayName("Given a contact that could break the header (line break, parenthesis, non-ASCII), then start-up fails")
    void refusesHeaderBreakingContact() {
        for (String contact : new String[] {"ops@x.fr\r\nX-Evil: 1", "ops (night)", "opé@x.fr"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> RemoteRegisterOptions.read(new MapScope(Map.of("contact", contact)), DEFAULT_URL, RATE), contact);
        }
    }

    @Test
    @DisplayName("Given a zero timeout (wait forever to HttpClient) or a non-HTTP URL, then start-up fails")
    void refusesDangerousValues() {
        assertThrows(IllegalArgumentException.class,
                () -> RemoteRegisterOptions.read(new MapScope(Map.of("read-timeout-ms", "0")), DEFAULT_URL, RATE));
        assertThrows(IllegalArgumentException.class,
                () -> RemoteRegisterOptions.read(new MapScope(Map.of("deadline-ms", "0")), DEFAULT_URL, RATE));
        assertThrows(IllegalArgumentException.class,
                () -> RemoteRegisterOptions.read(new MapScope(Map.of("base-url", "file:///etc/passwd")), DEFAULT_URL, RATE));
    }
}
