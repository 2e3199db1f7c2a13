package fr.ceres.keycloak.access.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PersonNameTest {

    private static final String EMAIL = "camille.durand@cfa-exemple.fr";

    @Test
    @DisplayName("Given a first and last name, then « Prénom Nom »; without any, the email")
    void name() {
        assertEquals("Camille D'Aubigné-Durand", PersonName.of(" Camille ", "D'Aubigné-Durand", EMAIL));
        assertEquals("J.-P. Martin", PersonName.of("J.-P.", "Martin", EMAIL));
        assertEquals(EMAIL, PersonName.of(null, " ", EMAIL));
        assertEquals("", PersonName.of(null, null, null));
    }

    @Test
    @DisplayName("Given a name that mail clients would turn into a link, or with hidden characters, then the email stands for it")
    void neutralised() {
        assertEquals(EMAIL, PersonName.of("www.gagnez-un-prix", "Durand", EMAIL));
        assertEquals(EMAIL, PersonName.of("Camille", "exemple.fr", EMAIL));
        assertEquals(EMAIL, PersonName.of("http://x", "", EMAIL));
        assertEquals(EMAIL, PersonName.of("Camille", "Dur\u202eand", EMAIL));
        assertEquals(EMAIL, PersonName.of("Camille\u0085", "Durand", EMAIL));
    }
}
