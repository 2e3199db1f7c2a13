package fr.ceres.keycloak.siret.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.validate.AbstractSimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

class SiretValidatorTest {

    /** What the declarative user profile passes to every validator it configures. */
    private static final ValidatorConfig USER_PROFILE = ValidatorConfig.builder()
            .config(AbstractSimpleValidator.IGNORE_EMPTY_VALUE, true).build();

    private final SiretValidator validator = new SiretValidator();

    @Test
    @DisplayName("Given valid SIRETs, with or without spaces, then there is no error")
    void acceptsValidSirets() {
        ValidationContext context = validator.validate(List.of("73282932000074", "356 000 000 49837"),
                "siret", new ValidationContext(), USER_PROFILE);
        assertTrue(context.isValid());
    }

    @Test
    @DisplayName("Given a bad checksum, then the error is ceresInvalidSiret on the attribute")
    void rejectsBadChecksum() {
        ValidationContext context = validator.validate("12345678900010", "siret", new ValidationContext(), USER_PROFILE);
        ValidationError error = context.getErrors().iterator().next();
        assertEquals(SiretValidator.PROVIDER_ID, error.getValidatorId());
        assertEquals("siret", error.getInputHint());
        assertEquals("ceresInvalidSiret", error.getMessage());
    }

    @Test
    @DisplayName("Given a blank value in the user profile, then required, not this validator, reports it")
    void leavesBlankToRequired() {
        assertTrue(validator.validate(List.of("", " ", "\t"), "siret", new ValidationContext(), USER_PROFILE).isValid());
    }

    @Test
    @DisplayName("Given no ignore-empty option, then an empty value is an error, as with Keycloak's validators")
    void emptyIsAnErrorOutsideTheUserProfile() {
        assertFalse(validator.validate("", "siret", new ValidationContext(), ValidatorConfig.EMPTY).isValid());
    }

    @Test
    @DisplayName("Given an error-message option, then that key is reported")
    void customMessage() {
        ValidatorConfig config = ValidatorConfig.builder().config(USER_PROFILE)
                .config(SiretValidator.CFG_ERROR_MESSAGE, "myKey").build();
        ValidationContext context = validator.validate("123", "siret", new ValidationContext(), config);
        assertEquals("myKey", context.getErrors().iterator().next().getMessage());
    }
}
