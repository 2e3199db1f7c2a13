package fr.ceres.keycloak.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.validate.AbstractSimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

class FrenchPhoneValidatorTest {

    /** What the declarative user profile passes to every validator it configures. */
    private static final ValidatorConfig USER_PROFILE = ValidatorConfig.builder()
            .config(AbstractSimpleValidator.IGNORE_EMPTY_VALUE, true).build();

    private final FrenchPhoneValidator validator = new FrenchPhoneValidator();

    @Test
    @DisplayName("Given usual French numbers, then there is no error")
    void acceptsFrenchNumbers() {
        ValidationContext context = validator.validate(List.of("06 12 34 56 78", "+33 (0)1 23 45 67 89"),
                "telephone", new ValidationContext(), USER_PROFILE);
        assertTrue(context.isValid());
    }

    @Test
    @DisplayName("Given a foreign or malformed number, then the error is ceresInvalidPhone on the attribute")
    void rejectsOthers() {
        ValidationContext context = validator.validate("+44 20 7946 0958", "telephone", new ValidationContext(), USER_PROFILE);
        ValidationError error = context.getErrors().iterator().next();
        assertEquals(FrenchPhoneValidator.PROVIDER_ID, error.getValidatorId());
        assertEquals("telephone", error.getInputHint());
        assertEquals("ceresInvalidPhone", error.getMessage());
    }

    @Test
    @DisplayName("Given a blank value in the user profile, then required, not this validator, reports it")
    void leavesBlankToRequired() {
        assertTrue(validator.validate(List.of("", "   "), "telephone", new ValidationContext(), USER_PROFILE).isValid());
    }

    @Test
    @DisplayName("Given an error-message option, then that key is reported")
    void customMessage() {
        ValidatorConfig config = ValidatorConfig.builder().config(USER_PROFILE)
                .config(FrenchPhoneValidator.CFG_ERROR_MESSAGE, "myKey").build();
        ValidationContext context = validator.validate("12", "telephone", new ValidationContext(), config);
        assertEquals("myKey", context.getErrors().iterator().next().getMessage());
    }
}
