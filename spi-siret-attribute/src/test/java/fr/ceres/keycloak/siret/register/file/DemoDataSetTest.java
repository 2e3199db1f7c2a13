package fr.ceres.keycloak.siret.register.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ceres.keycloak.siret.Siret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

/** Reads the bundled JSON directly, so the data set is checked independently of the loader. */
class DemoDataSetTest {

    private final Map<String, String> stateBySiret = new LinkedHashMap<>();
    private final List<String> invalid = new ArrayList<>();

    @BeforeEach
    void read() throws IOException {
        try (InputStream in = DemoDataSetTest.class.getResourceAsStream("/company-register-demo.json")) {
            for (JsonNode entry : JsonSerialization.mapper.readTree(in)) {
                String siret = entry.path("siret").asText();
                stateBySiret.put(siret, entry.path("etat").asText());
                if (Siret.parse(siret).isEmpty()) {
                    invalid.add(siret);
                }
            }
        }
    }

    @Test
    @DisplayName("Given the demo data set, then it holds 15 to 25 establishments, all with a valid SIRET")
    void validSirets() {
        assertEquals(List.of(), invalid);
        assertTrue(stateBySiret.size() >= 15 && stateBySiret.size() <= 25, "size " + stateBySiret.size());
    }

    @Test
    @DisplayName("Given the demo data set, then the SIRETs the other tests and docs use are there, active")
    void knownSirets() {
        for (String siret : List.of("73282932000074", "13002526500013", "35600000000048", "35600000049837")) {
            assertEquals("A", stateBySiret.get(siret), siret);
        }
        assertTrue(stateBySiret.containsValue("F"), "at least one closed establishment");
        assertEquals("A", stateBySiret.get("92969323200019"), "the non-diffusible sole trader, fields masked [ND]");
    }

    @Test
    @DisplayName("Given the demo data set, then one company has at least 3 active sites and a closed one")
    void linkedSites() {
        Map<String, List<String>> statesBySiren = stateBySiret.entrySet().stream().collect(Collectors.groupingBy(
                entry -> entry.getKey().substring(0, 9), Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        assertTrue(statesBySiren.values().stream().anyMatch(states ->
                states.stream().filter("A"::equals).count() >= 3 && states.contains("F")));
    }
}
