package fr.ceres.keycloak.centre.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationCodeTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    @DisplayName("Given generated codes, then each is 12 characters of the alphabet without I, L, O, U, and they differ")
    void generated() {
        Set<String> seen = new HashSet<>();
        IntStream.range(0, 1_000).mapToObj(i -> ActivationCode.generate(random).value()).forEach(code -> {
            assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{12}"), code);
            seen.add(code);
        });
        assertEquals(1_000, seen.size());
    }

    @Test
    @DisplayName("Given the alphabet, then it has 32 distinct characters, so a code holds 60 bits")
    void sixtyBits() {
        assertEquals(32, ActivationCode.ALPHABET.chars().distinct().count());
        assertEquals(60, ActivationCode.LENGTH * 5);
    }

    @Test
    @DisplayName("Given a code, then it is printed in three groups of four and reads back to itself")
    void grouped() {
        ActivationCode code = ActivationCode.generate(random);
        assertTrue(code.grouped().matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), code.grouped());
        assertEquals(code, ActivationCode.parse(code.grouped()).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"7K3M-Q9TX-2RWH", "7k3m-q9tx-2rwh", "7K3M Q9TX 2RWH", "7K3M.Q9TX.2RWH", "  7k3mq9tx2rwh ",
            "7K3M\u2013Q9TX\u00A02RWH"})
    @DisplayName("Given a code typed in any case with spaces, dashes or dots, then it reads to the canonical 12 characters")
    void readsWhatPeopleType(String typed) {
        assertEquals("7K3MQ9TX2RWH", ActivationCode.parse(typed).orElseThrow().value());
    }

    @Test
    @DisplayName("Given O, I or L typed for 0 and 1, then they read as Crockford decodes them")
    void lookAlikes() {
        assertEquals("10K1-0000-1111", ActivationCode.parse("IOKL-oOoO-iIlL").orElseThrow().grouped());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"7K3M-Q9TX-2RW", "7K3M-Q9TX-2RWHH", "7K3M-Q9TX-2RWU", "7K3M-Q9TX-2RW*", "7K3M_Q9TX_2RWH",
            "ÉK3M-Q9TX-2RWH"})
    @DisplayName("Given text that cannot be a code (length, U, other characters), then nothing is read")
    void rejects(String typed) {
        assertTrue(ActivationCode.parse(typed).isEmpty());
    }

    @Test
    @DisplayName("Given a code, then toString does not reveal it")
    void toStringHidesTheCode() {
        ActivationCode code = ActivationCode.parse("7K3M-Q9TX-2RWH").orElseThrow();
        assertEquals("ActivationCode[****]", code.toString());
        assertFalse(String.valueOf(code).contains("7K3M"));
    }
}
