package fr.ceres.keycloak.centre;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import fr.ceres.keycloak.siret.register.Establishment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TypedCompanyTest {

    private static final String SIRET = "92969323200019";

    @Test
    @DisplayName("Given a non-diffusible establishment, then the agent's typed fields stand in for the masked ones")
    void typedFillsMasked() {
        Establishment masked = new Establishment(SIRET, "[ND] [ND]", "[ND] [ND] [ND]", "[ND] PARIS 11", true);
        Establishment completed = new TypedCompany(" CLAIRE DURAND FORMATION ", "3 RUE OBERKAMPF", "75011 PARIS")
                .complete(masked);
        assertEquals(new Establishment(SIRET, "CLAIRE DURAND FORMATION", "3 RUE OBERKAMPF", "75011 PARIS", true), completed);
        assertEquals(List.of(), completed.missingFields());
    }

    @Test
    @DisplayName("Given fields the register publishes, then the register's values are kept over the typed ones")
    void registerWins() {
        Establishment published = new Establishment(SIRET, "ACADEMIE AFC", "[ND]", "[ND] GRENOBLE", true);
        Establishment completed = new TypedCompany("AUTRE NOM", "5 AVENUE JEAN JAURES", "38000 GRENOBLE").complete(published);
        assertEquals("ACADEMIE AFC", completed.raisonSociale());
        assertEquals("5 AVENUE JEAN JAURES", completed.adresse());
    }

    @Test
    @DisplayName("Given nothing typed, or a mask typed, then the masked fields stay missing and are named in French")
    void stillMissing() {
        Establishment masked = new Establishment(SIRET, "[ND]", "[ND]", "[ND] PARIS 11", true);
        List<String> missing = new TypedCompany("[ND]", null, "75011 PARIS").complete(masked).missingFields();
        assertEquals(List.of("raisonSociale", "adresse"), missing);
        assertEquals("la raison sociale et l'adresse", TypedCompany.labels(missing));
        assertEquals("la raison sociale, l'adresse et la commune",
                TypedCompany.labels(List.of("raisonSociale", "adresse", "commune")));
    }

    @Test
    @DisplayName("Given a typed field too long or with control characters, then it is refused with a French reason")
    void problems() {
        assertEquals(List.of("la raison sociale : 255 caractères au plus",
                        "la commune : caractères invisibles ou de contrôle interdits"),
                new TypedCompany("X".repeat(256), "1 RUE X", "75011\u0000PARIS").problems());
        assertEquals(List.of(), TypedCompany.NONE.problems());
    }
}
