package fr.ceres.keycloak.siret.register.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.CompanyRegisterProvider;
import fr.ceres.keycloak.siret.register.Establishment;
import fr.ceres.keycloak.siret.register.LookupResult;
import fr.ceres.keycloak.siret.register.support.MapScope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticFileProviderTest {

    private final StaticFileProviderFactory factory = new StaticFileProviderFactory();

    private static LookupResult lookup(CompanyRegisterProvider provider, String siret) {
        return provider.lookup(Siret.parse(siret).orElseThrow());
    }

    /** The static register needs no session. */
    private CompanyRegisterProvider provider(MapScope options) {
        factory.init(options);
        return factory.create(null);
    }

    @Test
    @DisplayName("Given no file option, then the demo data set answers: La Poste found, unknown SIRET not found")
    void demoDataSet() {
        CompanyRegisterProvider provider = provider(MapScope.empty());
        assertEquals(new LookupResult.Found(new Establishment("35600000000048", "LA POSTE", "9 RUE DU COLONEL PIERRE AVIA",
                "75015 PARIS", true)), lookup(provider, "35600000000048"));
        assertEquals(new LookupResult.NotFound(), lookup(provider, "52047381000023"));
        assertEquals("classpath:/company-register-demo.json", factory.getOperationalInfo().get("file"));
    }

    @Test
    @DisplayName("Given a closed establishment in the file, then it is found inactive")
    void closed() {
        assertEquals(new LookupResult.Found(new Establishment("41823967900040", "ACADEMIE DES FORMATIONS ET DES COMPETENCES",
                "3 RUE PARADIS", "13001 MARSEILLE", false)), lookup(provider(MapScope.empty()), "41823967900040"));
    }

    @Test
    @DisplayName("Given an entry masked as in a Sirene export ([ND]), then it is found with those fields absent")
    void masked() {
        assertEquals(new LookupResult.Found(new Establishment("92969323200019", "", "", "", true)),
                lookup(provider(MapScope.empty()), "92969323200019"));
    }

    @Test
    @DisplayName("Given a custom file option, then that file replaces the demo data set")
    void customFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("register.json");
        try (InputStream in = getClass().getResourceAsStream("/register/file/custom.json")) {
            Files.copy(in, file);
        }
        CompanyRegisterProvider provider = provider(new MapScope(Map.of("file", file.toString())));
        assertEquals(new LookupResult.Found(new Establishment("79034418800020", "OCCITANIE FORMATION TERTIAIRE",
                "2 PLACE DE LA COMEDIE", "34000 MONTPELLIER", false)), lookup(provider, "79034418800020"));
        assertEquals(new LookupResult.NotFound(), lookup(provider, "35600000000048"));
        assertEquals("2", factory.getOperationalInfo().get("establishments"));
    }

    @Test
    @DisplayName("Given a file with an invalid SIRET, then start-up fails naming the entry")
    void invalidFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"),
                "[{\"siret\":\"73282932000075\",\"raisonSociale\":\"X\",\"etat\":\"A\"}]");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> factory.init(new MapScope(Map.of("file", file.toString()))));
        assertTrue(error.getMessage().contains("entry 0"), error.getMessage());
    }
}
