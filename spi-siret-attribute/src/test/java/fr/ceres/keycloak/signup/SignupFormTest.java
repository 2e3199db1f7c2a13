package fr.ceres.keycloak.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SignupFormTest {

    @Test
    @DisplayName("Given a SIRET and a phone as people type them, then the form holds their stored forms")
    void normalizesWhatCanBeRead() {
        MultivaluedMap<String, String> form = form("732 829 320 00074", "06.12.34.56.78");

        SignupForm.normalize(form);

        assertEquals("73282932000074", form.getFirst("siret"));
        assertEquals("+33612345678", form.getFirst("telephone"));
    }

    @Test
    @DisplayName("Given values that cannot be read, then they stay as typed for the validators to name")
    void leavesUnreadableValuesAlone() {
        MultivaluedMap<String, String> form = form("123 456 789 00010", "06 12");

        SignupForm.normalize(form);

        assertEquals("123 456 789 00010", form.getFirst("siret"));
        assertEquals("06 12", form.getFirst("telephone"));
    }

    @Test
    @DisplayName("Given fields left out of the form, then nothing is added")
    void addsNothing() {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();

        SignupForm.normalize(form);

        assertNull(form.getFirst("siret"));
        assertNull(form.getFirst("telephone"));
    }

    private static MultivaluedMap<String, String> form(String siret, String telephone) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("siret", siret);
        form.putSingle("telephone", telephone);
        return form;
    }
}
