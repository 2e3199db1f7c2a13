package fr.ceres.keycloak.siret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SiretTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "73282932000074", // Luhn
            "13002526500013", // Luhn
            "35600000000048", // La Poste, passes Luhn
            "35600000049837"  // La Poste, fails Luhn, digit sum 45 is a multiple of 5
    })
    @DisplayName("Given a SIRET with a valid checksum, then it parses to the same 14 digits")
    void validSirets(String raw) {
        assertEquals(raw, Siret.parse(raw).orElseThrow().value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"732 829 320 00074", "732\u00A0829\u00A0320\u00A000074", "732\u202F829 320\t00074", " 73282932000074 "})
    @DisplayName("Given a SIRET typed with spaces (plain, non-breaking, narrow), then the spaces are dropped")
    void spacesAreIgnored(String raw) {
        assertEquals("73282932000074", Siret.parse(raw).orElseThrow().value());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "12345678900010",  // fails Luhn
            "85242109900021",  // fails Luhn
            "73282932000075",  // one digit off a valid SIRET
            "35600000049838",  // La Poste, fails Luhn and digit sum 46
            "1234567890001",   // 13 digits
            "732829320000740", // 15 digits
            "7328293200007A",
            "732-829-320-00074",
            "７３２８２９３２０００７４" // full-width digits are not ASCII digits
    })
    @DisplayName("Given a bad checksum, a wrong length or other characters, then nothing is parsed")
    void invalidSirets(String raw) {
        assertTrue(Siret.parse(raw).isEmpty());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u00A0"})
    @DisplayName("Given no value, then nothing is parsed")
    void missingValues(String raw) {
        assertTrue(Siret.parse(raw).isEmpty());
    }

    @Test
    @DisplayName("Given a SIRET, then its SIREN is the first 9 digits")
    void sirenIsTheFirstNineDigits() {
        assertEquals("732829320", Siret.parse("732 829 320 00074").orElseThrow().siren());
        assertEquals("356000000", Siret.parse("35600000049837").orElseThrow().siren());
    }

    @Test
    @DisplayName("Given the same digits typed differently, then the SIRETs are equal")
    void equality() {
        Siret typed = Siret.parse("732 829 320 00074").orElseThrow();
        Siret plain = Siret.parse("73282932000074").orElseThrow();
        assertEquals(plain, typed);
        assertEquals(plain.hashCode(), typed.hashCode());
        assertEquals("73282932000074", typed.toString());
    }
}
