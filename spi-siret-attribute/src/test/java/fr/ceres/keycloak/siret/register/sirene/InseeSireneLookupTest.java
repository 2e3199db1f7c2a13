package fr.ceres.keycloak.siret.register.sirene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.CompanyRegisterProvider;
import fr.ceres.keycloak.siret.register.Establishment;
import fr.ceres.keycloak.siret.register.LookupResult;
import fr.ceres.keycloak.siret.register.support.HttpRegisterHarness;
import fr.ceres.keycloak.siret.register.support.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InseeSireneLookupTest {

    private static final String API_KEY = "test-integration-key";

    private HttpRegisterHarness harness;
    private CompanyRegisterProvider provider;

    @BeforeEach
    void start() throws Exception {
        harness = HttpRegisterHarness.start();
        provider = harness.provider(new InseeSireneProviderFactory(), Map.of("api-key", API_KEY));
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    private LookupResult lookup(String siret) {
        return provider.lookup(Siret.parse(siret).orElseThrow());
    }

    @Test
    @DisplayName("Given an active establishment, then it is found, asked by path with the integration key header")
    void found() {
        harness.register().replying(Reply.fixture(200, "sirene/found.json"));
        assertEquals(new LookupResult.Found(new Establishment("13002526500013", "DIRECTION INTERMINISTERIELLE DU NUMERIQUE",
                "20 AV DE SEGUR", "75007 PARIS", true)), lookup("13002526500013"));
        assertEquals("/siret/13002526500013", harness.register().lastRequest().uri());
        assertEquals(API_KEY, harness.register().lastRequest().headers().getFirst("X-INSEE-Api-Key-Integration"));
    }

    @Test
    @DisplayName("Given a sole trader without denomination, then the name is first name and usage name")
    void soleTrader() {
        harness.register().replying(Reply.fixture(200, "sirene/sole-trader.json"));
        assertEquals(new LookupResult.Found(new Establishment("52047381000015", "CLAIRE DURAND",
                "ZONE ARTISANALE DES GRAVIERS", "37000 TOURS", true)), lookup("52047381000015"));
    }

    @Test
    @DisplayName("Given an establishment whose current period is closed, then it is found inactive")
    void closed() {
        harness.register().replying(Reply.fixture(200, "sirene/closed.json"));
        assertEquals(new LookupResult.Found(new Establishment("41823967900040", "ACADEMIE DES FORMATIONS ET DES COMPETENCES",
                "3 B RUE PARADIS", "13001 MARSEILLE", false)), lookup("41823967900040"));
    }

    @Test
    @DisplayName("Given INSEE's own 404 answer, then the SIRET is not found")
    void unknown() {
        harness.register().replying(Reply.fixture(404, "sirene/not-found.json"));
        assertEquals(new LookupResult.NotFound(), lookup("73282932000074"));
    }

    @Test
    @DisplayName("Given a sole trader in partial diffusion ([ND]), then name and address are absent, never the placeholders")
    void nonDiffusibleSoleTrader() {
        harness.register().replying(Reply.fixture(200, "sirene/non-diffusible-sole-trader.json"));
        assertEquals(new LookupResult.Found(new Establishment("92969323200019", "", "", "", true)), lookup("92969323200019"));
    }

    @Test
    @DisplayName("Given a company's establishment in partial diffusion, then the denomination is kept and the masked address is absent")
    void nonDiffusibleEstablishment() {
        harness.register().replying(Reply.fixture(200, "sirene/non-diffusible-establishment.json"));
        assertEquals(new LookupResult.Found(new Establishment("41823967900024", "ACADEMIE DES FORMATIONS ET DES COMPETENCES",
                "", "", true)), lookup("41823967900024"));
    }

    @Test
    @DisplayName("Given any lookup, then it names the bundle and its version in the User-Agent")
    void userAgent() {
        harness.register().replying(Reply.fixture(200, "sirene/found.json"));
        lookup("13002526500013");
        assertEquals("ceres-keycloak/dev (company-register insee-sirene)",
                harness.register().lastRequest().headers().getFirst("User-Agent"));
    }
}
