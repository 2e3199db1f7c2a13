package fr.ceres.keycloak.centre.attach;

import java.util.Optional;

import fr.ceres.keycloak.centre.code.RedemptionResult;
import org.keycloak.events.Errors;

/**
 * Why the attach page sends the person back, with the French message they read (a key of the
 * login theme's messages) and the error recorded in the event. Never carries what was typed.
 */
enum Refusal {

    /** Not a SIRET (14 digits with a valid checksum): a typing mistake, not an attempt. */
    INVALID_SIRET("ceresAttachSiretInvalid", Errors.INVALID_INPUT, AttachForm.SIRET),
    /** Nothing typed in the code field: not an attempt either. */
    CODE_MISSING("ceresAttachCodeMissing", Errors.INVALID_INPUT, AttachForm.CODE),
    /** No centre with this SIRET, or a centre without a live code: the letter was misread. */
    NO_CODE("ceresAttachNoCode", "ceres_no_activation_code", AttachForm.SIRET),
    WRONG_CODE("ceresAttachWrongCode", Errors.INVALID_CODE, AttachForm.CODE),
    EXPIRED("ceresAttachExpired", Errors.EXPIRED_CODE, null),
    /** The centre is active already: its gestionnaire gives access (the message names the centre). */
    ALREADY_REDEEMED("ceresAttachAlreadyActivated", "ceres_centre_already_activated", null),
    /** Too many failed attempts by this person (the message says until when). */
    TOO_MANY_ATTEMPTS("ceresAttachTooManyAttempts", "ceres_too_many_attempts", null),
    /** The attempt could not be counted (the database was too busy): not evaluated, to be tried again. */
    BUSY("ceresAttachBusy", "ceres_attempt_not_counted", null);

    private final String message;
    private final String eventError;
    private final String field;

    Refusal(String message, String eventError, String field) {
        this.message = message;
        this.eventError = eventError;
        this.field = field;
    }

    /** Why a redemption failed; empty for {@link RedemptionResult#REDEEMED}. */
    static Optional<Refusal> of(RedemptionResult result) {
        return switch (result) {
            case REDEEMED -> Optional.empty();
            case WRONG_CODE -> Optional.of(WRONG_CODE);
            case EXPIRED -> Optional.of(EXPIRED);
            case ALREADY_REDEEMED -> Optional.of(ALREADY_REDEEMED);
            case NO_CODE -> Optional.of(NO_CODE);
        };
    }

    String message() {
        return message;
    }

    String eventError() {
        return eventError;
    }

    /** The form field the message belongs under; empty for a message about the whole page. */
    Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
