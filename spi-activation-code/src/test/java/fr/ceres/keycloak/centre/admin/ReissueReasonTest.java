package fr.ceres.keycloak.centre.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReissueReasonTest {

    @Test
    @DisplayName("Given no body, a blank one or no motif, then no reason and no error")
    void none() {
        for (String body : new String[] {null, "", "  ", "{}", "{\"motif\":null}", "{\"motif\":\"   \"}"}) {
            ReissueReason.Reading reading = ReissueReason.read(body);
            assertEquals(Optional.empty(), reading.reason(), body);
            assertEquals(Optional.empty(), reading.error(), body);
        }
    }

    @Test
    @DisplayName("Given a motif, then it is trimmed and in NFC")
    void read() {
        assertEquals("Lettre perdue, été", ReissueReason.read("{\"motif\":\"  Lettre perdue, e\\u0301te\\u0301 \"}")
                .reason().orElseThrow().text());
    }

    @Test
    @DisplayName("Given a motif too long, with a control character, a bidi override, not text, or a body that is not JSON, then a 400 invalid_reason in French")
    void refused() {
        for (String body : new String[] {"{\"motif\":\"" + "a".repeat(ReissueReason.MAX_LENGTH + 1) + "\"}",
                "{\"motif\":\"a\\u0000b\"}", "{\"motif\":\"a\\nb\"}", "{\"motif\":\"a\\u0085b\"}",
                "{\"motif\":\"a\\u202Eb\"}", "{\"motif\":12}", "motif=perdue", "[\"perdue\"]"}) {
            ReissueReason.Reading reading = ReissueReason.read(body);
            assertEquals(Optional.empty(), reading.reason(), body);
            ApiError error = reading.error().orElseThrow();
            assertEquals(400, error.status(), body);
            assertEquals("invalid_reason", error.error(), body);
            assertTrue(error.description().matches(".*(motif|Motif|Corps).*"), error.description());
        }
        assertTrue(ReissueReason.read("{\"motif\":\"" + "a".repeat(ReissueReason.MAX_LENGTH) + "\"}").reason().isPresent());
    }
}
