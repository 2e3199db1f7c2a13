package fr.ceres.keycloak.access.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ceres.keycloak.centre.habilitation.CeresRole;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses an invitation is addressed to: the invited one, as Keycloak stores it, and no look-alike. */
class InvitationTest {

    private final Invitation invitation = new Invitation("id", "73282932000074", "73282932000074",
            CeresRole.CENTRE_AGREE, Invitation.storedForm("alice@kiosk-example.org"), new Actor("inviter", "Guy Dupont"),
            0, 1, Invitation.State.PENDING, 1, null, null);

    @Test
    @DisplayName("Given the invited address, in capitals or with spaces around as a form may send it, then it is the invited one")
    void sameAddress() {
        assertTrue(invitation.isAddressedTo("alice@kiosk-example.org"));
        assertTrue(invitation.isAddressedTo(" Alice@KIOSK-example.org "));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "alice@k\u0131osk-example.org", // dotless ı: equalsIgnoreCase takes it for i
            "alice@K\u0131OSK-example.org",
            "alice@kio\u017Fk-example.org", // long ſ: equalsIgnoreCase takes it for s
            "alice@ki\u043Esk-example.org", // Cyrillic о
            "\u0430lice@kiosk-example.org", // Cyrillic а
            "alice@\uFF4B\uFF49\uFF4F\uFF53\uFF4B-example.org", // full-width letters
            "alice@kiosk-example.org.evil.example",
            "marie.alice@kiosk-example.org"})
    @DisplayName("Given an address that only looks like the invited one, then it is not the invited one")
    void lookAlikes(String lookAlike) {
        assertFalse(invitation.isAddressedTo(lookAlike), lookAlike);
    }

    @Test
    @DisplayName("Given the Kelvin sign for a k, then Keycloak stores the address with an ASCII k: an account made with it is on the invited address itself, so it matches")
    void kelvinSignIsStoredAsK() {
        String typed = "alice@\u212Aiosk-example.org";
        assertEquals("alice@kiosk-example.org", Invitation.storedForm(typed));
        assertTrue(invitation.isAddressedTo(typed));
    }

    @Test
    @DisplayName("Given no address, then it is not the invited one")
    void noAddress() {
        assertFalse(invitation.isAddressedTo(null));
    }
}
