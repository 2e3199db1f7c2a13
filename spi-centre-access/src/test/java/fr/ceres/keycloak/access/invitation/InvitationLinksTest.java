package fr.ceres.keycloak.access.invitation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which strings may be a link's key at all, before any decoding: a signed token's own characters only. */
class InvitationLinksTest {

    private static final String KEY = "eyJhbGciOiJSUzI1NiJ9.eyJjZXJlc19pbnYiOiJpZCJ9.c2lnbmF0dXJlX2hlcmUtXw";

    @Test
    @DisplayName("Given a compact signed token, then it is well formed")
    void token() {
        assertTrue(InvitationLinks.isWellFormed(KEY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "x", KEY + "\r\nSet-Cookie: a=1", KEY + "\n", KEY + "\r", "x\r\nSet-Cookie: a=1",
            KEY + "; Domain=evil.example", "x; Path=/; Max-Age=999999999", KEY + " ", " " + KEY, KEY + ".x",
            "a..b", ".a.b", "{x}<script>", "a.b.c\u0000", "a.b.c=", "a.b.c+/"})
    @DisplayName("Given anything else (line breaks, cookie attributes, spaces, other characters), then it is not")
    void notTokens(String key) {
        assertFalse(InvitationLinks.isWellFormed(key), key);
    }

    @Test
    @DisplayName("Given a token longer than any key made here, or none, then it is not")
    void bounds() {
        assertFalse(InvitationLinks.isWellFormed(null));
        assertFalse(InvitationLinks.isWellFormed(KEY + "a".repeat(2048)));
    }
}
