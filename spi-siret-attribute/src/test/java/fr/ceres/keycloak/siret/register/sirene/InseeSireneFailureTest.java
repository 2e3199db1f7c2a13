package fr.ceres.keycloak.siret.register.sirene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.CompanyRegisterProvider;
import fr.ceres.keycloak.siret.register.LookupResult;
import fr.ceres.keycloak.siret.register.support.HttpRegisterHarness;
import fr.ceres.keycloak.siret.register.support.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InseeSireneFailureTest {

    private static final Siret DINUM = Siret.parse("13002526500013").orElseThrow();

    private HttpRegisterHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = HttpRegisterHarness.start();
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    private CompanyRegisterProvider provider() {
        return harness.provider(new InseeSireneProviderFactory(), Map.of("api-key", "k", "read-timeout-ms", "200"));
    }

    @Test
    @DisplayName("Given a 429 with Retry-After, then lookups are Unavailable and make no call until it passes")
    void rateLimited() {
        CompanyRegisterProvider provider = provider();
        harness.register().replying(Reply.empty(429).withHeader("Retry-After", "60"));
        assertInstanceOf(LookupResult.Unavailable.class, provider.lookup(DINUM));

        harness.register().replying(Reply.fixture(200, "sirene/found.json"));
        assertInstanceOf(LookupResult.Unavailable.class, provider.lookup(DINUM));
        assertEquals(1, harness.register().requestCount());
    }

    @Test
    @DisplayName("Given a register slower than the read timeout, then the lookup is Unavailable quickly")
    void timeout() {
        CompanyRegisterProvider provider = provider();
        harness.register().replying(Reply.fixture(200, "sirene/found.json").after(Duration.ofSeconds(5)));
        LookupResult result = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> provider.lookup(DINUM));
        assertInstanceOf(LookupResult.Unavailable.class, result);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<html>Maintenance</html>", "{\"etablissement\": {\"siret\": \"35600000000048\"}}", "{\"header\":"})
    @DisplayName("Given a body that is not the expected JSON, then the lookup is Unavailable")
    void garbage(String body) {
        CompanyRegisterProvider provider = provider();
        harness.register().replying(Reply.body(200, body));
        assertInstanceOf(LookupResult.Unavailable.class, provider.lookup(DINUM));
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {401, 403, 500, 503})
    @DisplayName("Given a refused key or a server error, then the lookup is Unavailable")
    void errorStatus(int status) {
        CompanyRegisterProvider provider = provider();
        harness.register().replying(Reply.empty(status));
        assertInstanceOf(LookupResult.Unavailable.class, provider.lookup(DINUM));
    }

    static Stream<Reply> foreignNotFound() {
        return Stream.of(
                Reply.text(404, "text/plain", "404 Not Found"),
                Reply.text(404, "text/html", "<html><body><h1>404 Not Found</h1>nginx</body></html>"),
                Reply.body(404, "{\"code\":\"900906\",\"message\":\"No matching resource found for given API Request\"}"),
                Reply.empty(404));
    }

    @ParameterizedTest
    @MethodSource("foreignNotFound")
    @DisplayName("Given a 404 that is not INSEE's own answer (wrong base URL, gateway), then Unavailable, and not kept")
    void foreignNotFound(Reply gateway) {
        CompanyRegisterProvider provider = provider();
        harness.register().replying(gateway);
        assertInstanceOf(LookupResult.Unavailable.class, provider.lookup(DINUM));
        harness.register().replying(Reply.fixture(200, "sirene/found.json"));
        assertInstanceOf(LookupResult.Found.class, provider.lookup(DINUM));
    }

    @Test
    @DisplayName("Given no api-key, then the lookup is Unavailable without calling INSEE")
    void noApiKey() {
        CompanyRegisterProvider provider = harness.provider(new InseeSireneProviderFactory(), Map.of());
        assertInstanceOf(LookupResult.Unavailable.class, provider.lookup(DINUM));
        assertEquals(0, harness.register().requestCount());
    }
}
