package fr.ceres.keycloak.centre.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import fr.ceres.keycloak.centre.code.RedemptionResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the attach page says for each redemption outcome. The expiry case is also covered end to end
 * (AttachCeresIT, with the server's clock moved past the code's lifetime) and in the store's tests.
 */
class RefusalTest {

    @Test
    @DisplayName("Given a redeemed code, then nothing is refused")
    void redeemed() {
        assertEquals(Optional.empty(), Refusal.of(RedemptionResult.REDEEMED));
    }

    @Test
    @DisplayName("Given an expired code, then a page-wide message and the expired_code event error; it is not counted")
    void expired() {
        Refusal refusal = Refusal.of(RedemptionResult.EXPIRED).orElseThrow();
        assertEquals("ceresAttachExpired", refusal.message());
        assertEquals("expired_code", refusal.eventError());
        assertEquals(Optional.empty(), refusal.field());
        assertFalse(RedemptionResult.EXPIRED.isFailure());
    }

    @Test
    @DisplayName("Given a wrong code or a SIRET without code, then a message under the field, counted against the limits")
    void mistakes() {
        assertEquals(Optional.of(AttachForm.CODE), Refusal.of(RedemptionResult.WRONG_CODE).orElseThrow().field());
        assertEquals(Optional.of(AttachForm.SIRET), Refusal.of(RedemptionResult.NO_CODE).orElseThrow().field());
        assertTrue(RedemptionResult.WRONG_CODE.isFailure() && RedemptionResult.NO_CODE.isFailure());
    }

    @Test
    @DisplayName("Given an already activated centre, then the page-wide message that names the centre")
    void alreadyRedeemed() {
        Refusal refusal = Refusal.of(RedemptionResult.ALREADY_REDEEMED).orElseThrow();
        assertEquals("ceresAttachAlreadyActivated", refusal.message());
        assertEquals(Optional.empty(), refusal.field());
    }
}
