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

class NameWithoutLinkValidatorTest {

    private static final ValidatorConfig USER_PROFILE = ValidatorConfig.builder()
            .config(AbstractSimpleValidator.IGNORE_EMPTY_VALUE, true).build();

    private final NameWithoutLinkValidator validator = new NameWithoutLinkValidator();

    @Test
    @DisplayName("Given names with initials and apostrophes, then there is no error")
    void acceptsNames() {
        assertTrue(validator.validate(List.of("J.-P.", "D'Aubigné-Durand", "Jean-Ph. Martin"), "firstName",
                new ValidationContext(), USER_PROFILE).isValid());
    }

    @Test
    @DisplayName("Given a name that reads as a web address, then the error is ceresNameLooksLikeLink on the attribute")
    void refusesLinks() {
        for (String value : List.of("www.gagnez-un-prix", "exemple.fr", "http:x")) {
            ValidationContext context = validator.validate(value, "lastName", new ValidationContext(), USER_PROFILE);
            ValidationError error = context.getErrors().iterator().next();
            assertEquals(NameWithoutLinkValidator.PROVIDER_ID, error.getValidatorId());
            assertEquals("lastName", error.getInputHint());
            assertEquals("ceresNameLooksLikeLink", error.getMessage());
        }
    }
}
