package fr.ceres.keycloak.centre.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationCodeHasherTest {

    private final SecureRandom random = new SecureRandom();
    private final ActivationCodeHasher hasher = new ActivationCodeHasher(random);
    private final ActivationCode code = ActivationCode.generate(random);
    private final String stored = hasher.hash(code);

    @Test
    @DisplayName("Given a hashed code, then the same code typed back in any form matches")
    void verifies() {
        assertTrue(hasher.matches(code, stored));
        assertTrue(hasher.matches(ActivationCode.parse(code.grouped().toLowerCase()).orElseThrow(), stored));
    }

    @Test
    @DisplayName("Given a hashed code, then another code does not match")
    void wrongCode() {
        ActivationCode other = ActivationCode.generate(random);
        assertFalse(hasher.matches(other, stored));
    }

    @Test
    @DisplayName("Given the same code hashed twice, then the salts and hashes differ and both verify")
    void saltedPerHash() {
        String again = hasher.hash(code);
        assertNotEquals(stored.split("\\$")[2], again.split("\\$")[2]);
        assertNotEquals(stored, again);
        assertTrue(hasher.matches(code, again));
    }

    @Test
    @DisplayName("Given a stored hash, then it reads pbkdf2-sha256$20000$salt$hash and never contains the code")
    void storedForm() {
        assertTrue(stored.matches("pbkdf2-sha256\\$20000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), stored);
        assertEquals(ActivationCodeHasher.ITERATIONS, Integer.parseInt(stored.split("\\$")[1]));
        assertFalse(stored.toUpperCase().contains(code.value()));
        assertFalse(stored.toUpperCase().contains(code.grouped()));
    }

    @Test
    @DisplayName("Given a stored hash with its iteration count, salt or hash altered, then the right code no longer matches")
    void tampered() {
        String[] parts = stored.split("\\$");
        assertFalse(hasher.matches(code, String.join("$", parts[0], "19999", parts[2], parts[3])));
        assertFalse(hasher.matches(code, String.join("$", parts[0], parts[1], flipFirst(parts[2]), parts[3])));
        assertFalse(hasher.matches(code, String.join("$", parts[0], parts[1], parts[2], flipFirst(parts[3]))));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"pbkdf2-sha1$20000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256$x$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256$0$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256$2000000000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256$20000$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256$20000$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
            "pbkdf2-sha256$20000$!!!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "pbkdf2-sha256$20000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$extra",
            "7K3MQ9TX2RWH"})
    @DisplayName("Given a malformed stored string, then nothing matches and nothing is thrown")
    void malformed(String bad) {
        assertFalse(hasher.matches(code, bad));
    }

    private static String flipFirst(String base64) {
        char first = base64.charAt(0);
        return (first == 'A' ? 'B' : 'A') + base64.substring(1);
    }
}
