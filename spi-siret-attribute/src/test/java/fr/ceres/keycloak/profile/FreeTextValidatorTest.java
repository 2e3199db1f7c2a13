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

class FreeTextValidatorTest {

    private static final ValidatorConfig USER_PROFILE = ValidatorConfig.builder()
            .config(AbstractSimpleValidator.IGNORE_EMPTY_VALUE, true).build();

    private final FreeTextValidator validator = new FreeTextValidator();

    @Test
    @DisplayName("Given company fields as people type them, then there is no error")
    void acceptsText() {
        ValidationContext context = validator.validate(List.of("École d’été « Les Tilleuls »", "12 bis rue de l'Église",
                "E\u0301cole"), "raisonSociale", new ValidationContext(), USER_PROFILE);
        assertTrue(context.isValid());
    }

    @Test
    @DisplayName("Given NUL, a C1 control, a bidirectional override or a line break, then the error is ceresHiddenCharacters on the attribute")
    void refusesHiddenCharacters() {
        for (String value : List.of("CFA\u0000", "CFA\u009f", "CFA \u202eSELLUELLIT", "PARIS\r\nX")) {
            ValidationContext context = validator.validate(value, "adresse", new ValidationContext(), USER_PROFILE);
            ValidationError error = context.getErrors().iterator().next();
            assertEquals(FreeTextValidator.PROVIDER_ID, error.getValidatorId());
            assertEquals("adresse", error.getInputHint());
            assertEquals("ceresHiddenCharacters", error.getMessage());
        }
    }
}
