package fr.ceres.keycloak.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import fr.ceres.keycloak.siret.register.Establishment;
import fr.ceres.keycloak.siret.register.LookupResult;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.utils.FormMessage;

class SiretCheckTest {

    private static final String SIRET = "92969323200019";

    @Test
    @DisplayName("Given a register answer with every field, then the blanks are filled and nothing is asked")
    void fillsBlanks() {
        MultivaluedMap<String, String> form = form("", "", "");
        SiretCheck check = SiretCheck.of(found("CFA DES TILLEULS", "14 RUE DES TILLEULS", "92100 BOULOGNE"), form);
        assertTrue(check.errors().isEmpty());
        assertEquals("CFA DES TILLEULS", form.getFirst("raisonSociale"));
        assertEquals("92100 BOULOGNE", form.getFirst("commune"));
    }

    @Test
    @DisplayName("Given a non-diffusible establishment, then its masked fields stay blank and the page asks to type them")
    void maskedFieldsAreAskedFor() {
        MultivaluedMap<String, String> form = form("", "", "");
        SiretCheck check = SiretCheck.of(found("[NON-DIFFUSIBLE]", "[NON-DIFFUSIBLE] [NON-DIFFUSIBLE]",
                "[NON-DIFFUSIBLE] PARIS 11"), form);
        assertEquals(List.of("raisonSociale", "adresse", "commune"), check.errors().stream().map(FormMessage::getField).toList());
        assertEquals(SiretCheck.TYPE_IT_MESSAGE, check.errors().get(0).getMessage());
        assertEquals("", form.getFirst("raisonSociale"));
        assertEquals("", form.getFirst("commune"));
    }

    @Test
    @DisplayName("Given a non-diffusible establishment and the fields typed, then the typed values are kept")
    void typedValuesAreKept() {
        MultivaluedMap<String, String> form = form("CLAIRE DURAND FORMATION", "3 RUE OBERKAMPF", "75011 PARIS");
        SiretCheck check = SiretCheck.of(found("[ND] [ND]", "[ND] [ND] [ND]", "[ND] PARIS 11"), form);
        assertTrue(check.errors().isEmpty());
        assertEquals("3 RUE OBERKAMPF", form.getFirst("adresse"));
    }

    @Test
    @DisplayName("Given a register's mask posted as a value (a stale page), then it is refused on its field, register up or down")
    void postedMaskIsRefused() {
        SiretCheck up = SiretCheck.of(found("CFA", "1 RUE X", "75001 PARIS"), form("[NON-DIFFUSIBLE]", "1 RUE X", "75001 PARIS"));
        assertEquals(List.of("raisonSociale"), up.errors().stream().map(FormMessage::getField).toList());
        SiretCheck down = SiretCheck.of(new LookupResult.Unavailable("timeout"), form("CFA", "[ND]", "75001 PARIS"));
        assertEquals(List.of("adresse"), down.errors().stream().map(FormMessage::getField).toList());
    }

    @Test
    @DisplayName("Given the register down and the fields typed, then nothing is refused (fail-open)")
    void failOpen() {
        assertTrue(SiretCheck.of(new LookupResult.Unavailable("timeout"), form("CFA", "1 RUE X", "75001 PARIS")).errors().isEmpty());
        assertNull(form(null, null, null).getFirst("raisonSociale"));
    }

    private static LookupResult found(String raisonSociale, String adresse, String commune) {
        return new LookupResult.Found(new Establishment(SIRET, raisonSociale, adresse, commune, true));
    }

    private static MultivaluedMap<String, String> form(String raisonSociale, String adresse, String commune) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("siret", SIRET);
        if (raisonSociale != null) {
            form.putSingle("raisonSociale", raisonSociale);
            form.putSingle("adresse", adresse);
            form.putSingle("commune", commune);
        }
        return form;
    }
}
