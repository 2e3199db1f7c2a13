package fr.ceres.keycloak.siret.register.recherche;

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

class RechercheEntreprisesLookupTest {

    private HttpRegisterHarness harness;
    private CompanyRegisterProvider provider;

    @BeforeEach
    void start() throws Exception {
        harness = HttpRegisterHarness.start();
        provider = harness.provider(new RechercheEntreprisesProviderFactory(), Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    private LookupResult lookup(String siret) {
        return provider.lookup(Siret.parse(siret).orElseThrow());
    }

    @Test
    @DisplayName("Given an active siège, then it is found with its raison sociale, street and commune")
    void foundSiege() {
        harness.register().replying(Reply.fixture(200, "recherche/found-siege.json"));
        assertEquals(new LookupResult.Found(new Establishment("13002526500013", "DIRECTION INTERMINISTERIELLE DU NUMERIQUE",
                "20 AVENUE DE SEGUR", "75007 PARIS", true)), lookup("13002526500013"));
        assertEquals("/search?q=13002526500013", harness.register().lastRequest().uri());
    }

    @Test
    @DisplayName("Given a matching establishment with a one-line address, then street and commune are split")
    void foundMatchingEstablishment() {
        harness.register().replying(Reply.fixture(200, "recherche/found-matching.json"));
        assertEquals(new LookupResult.Found(new Establishment("35600000049837", "LA POSTE",
                "44 BOULEVARD DE VAUGIRARD", "75015 PARIS", true)), lookup("35600000049837"));
    }

    @Test
    @DisplayName("Given a closed establishment (etat F), then it is found inactive")
    void closed() {
        harness.register().replying(Reply.fixture(200, "recherche/closed.json"));
        assertEquals(new LookupResult.Found(new Establishment("41823967900040", "ACADEMIE DES FORMATIONS ET DES COMPETENCES",
                "3 RUE PARADIS", "13001 MARSEILLE", false)), lookup("41823967900040"));
    }

    @Test
    @DisplayName("Given a sole trader in partial diffusion, then name and address are absent, never the register's placeholders")
    void nonDiffusibleSoleTrader() {
        harness.register().replying(Reply.fixture(200, "recherche/non-diffusible-sole-trader.json"));
        assertEquals(new LookupResult.Found(new Establishment("92969323200019", "", "", "", true)), lookup("92969323200019"));
    }

    @Test
    @DisplayName("Given a company's establishment in partial diffusion, then the raison sociale is kept and the masked address is absent")
    void nonDiffusibleEstablishment() {
        harness.register().replying(Reply.fixture(200, "recherche/non-diffusible-establishment.json"));
        assertEquals(new LookupResult.Found(new Establishment("41823967900024", "ACADEMIE DES FORMATIONS ET DES COMPETENCES",
                "", "", true)), lookup("41823967900024"));
        assertEquals(new LookupResult.Found(new Establishment("41823967900016", "ACADEMIE DES FORMATIONS ET DES COMPETENCES",
                "", "", true)), lookup("41823967900016"));
    }

    @Test
    @DisplayName("Given any lookup, then it names the bundle and its version in the User-Agent, with the deployer's contact")
    void userAgent() {
        provider = harness.provider(new RechercheEntreprisesProviderFactory(), Map.of("contact", "dsi@dreets.example.gouv.fr"));
        harness.register().replying(Reply.fixture(200, "recherche/found-siege.json"));
        lookup("13002526500013");
        assertEquals("ceres-keycloak/dev (company-register recherche-entreprises; +dsi@dreets.example.gouv.fr)",
                harness.register().lastRequest().headers().getFirst("User-Agent"));
    }

    @Test
    @DisplayName("Given no results, then the SIRET is not found")
    void emptyResults() {
        harness.register().replying(Reply.fixture(200, "recherche/empty.json"));
        assertEquals(new LookupResult.NotFound(), lookup("73282932000074"));
    }

    @Test
    @DisplayName("Given results about other establishments of the company only, then the SIRET is not found")
    void neighboursOnly() {
        harness.register().replying(Reply.fixture(200, "recherche/neighbour.json"));
        assertEquals(new LookupResult.NotFound(), lookup("41823967900032"));
    }
}
