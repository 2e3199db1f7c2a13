package fr.ceres.keycloak.profile;

import fr.ceres.keycloak.common.FreeText;

/**
 * User-profile validator {@code free-text}: the value holds none of the control, format or other invisible
 * characters {@link FreeText} refuses in a one-line field (NUL, C1 controls, bidirectional overrides, line
 * breaks…). Keycloak's own validators leave them through: {@code length} counts them, {@code pattern} is written
 * per attribute, {@code person-name-prohibited-characters} stops C0 controls only. A validator cannot rewrite the
 * value: bringing it to NFC is up to whoever saves it (the sign-up form does).
 */
public final class FreeTextValidator extends FormatValidator {

    public static final String PROVIDER_ID = "free-text";
    public static final String MESSAGE_HIDDEN_CHARACTERS = "ceresHiddenCharacters";

    public FreeTextValidator() {
        super(PROVIDER_ID, MESSAGE_HIDDEN_CHARACTERS,
                "Text on one line without control, bidirectional or other invisible characters.",
                value -> !FreeText.hasHiddenCharacter(value, FreeText.Shape.LINE));
    }
}
