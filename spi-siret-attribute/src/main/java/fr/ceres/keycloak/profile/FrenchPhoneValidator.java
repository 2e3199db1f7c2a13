package fr.ceres.keycloak.profile;

/**
 * User-profile validator {@code phone-fr}: the value must be a phone number that
 * {@link PhoneNumbers#normalize} accepts. A validator cannot rewrite the value; storing the E.164
 * form is up to whoever saves it (the sign-up form does).
 */
public final class FrenchPhoneValidator extends FormatValidator {

    public static final String PROVIDER_ID = "phone-fr";
    public static final String MESSAGE_INVALID_PHONE = "ceresInvalidPhone";

    public FrenchPhoneValidator() {
        super(PROVIDER_ID, MESSAGE_INVALID_PHONE,
                "French phone number (metropolitan or overseas), national or international form.",
                PhoneNumbers::isValid);
    }
}
