package fr.ceres.keycloak.siret.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.validate.AbstractSimpleValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidatorConfig;

class FixedSiretValidatorTest {

    private static final ValidatorConfig USER_PROFILE = ValidatorConfig.builder()
            .config(AbstractSimpleValidator.IGNORE_EMPTY_VALUE, true).build();
    private static final String STORED = "41823967900016";

    private final FixedSiretValidator validator = new FixedSiretValidator();

    @Test
    @DisplayName("Given the owner changing the stored SIRET in the account console or update-profile, then ceresSiretFixed")
    void ownerChangeRefused() {
        for (UserProfileContext where : List.of(UserProfileContext.ACCOUNT, UserProfileContext.UPDATE_PROFILE)) {
            ValidationContext context = validate(where, userWithSiret(STORED), "52047381000015");
            assertEquals("ceresSiretFixed", context.getErrors().iterator().next().getMessage(), where.name());
        }
    }

    @Test
    @DisplayName("Given the same SIRET typed with spaces, then it is no change")
    void sameSiretAccepted() {
        assertTrue(validate(UserProfileContext.ACCOUNT, userWithSiret(STORED), "418 239 679 00016").isValid());
    }

    @Test
    @DisplayName("Given a sign-up, an administrator, or an account without SIRET yet, then any valid SIRET is accepted")
    void othersMaySetIt() {
        assertTrue(validate(UserProfileContext.REGISTRATION, null, "52047381000015").isValid());
        assertTrue(validate(UserProfileContext.USER_API, userWithSiret(STORED), "52047381000015").isValid());
        assertTrue(validate(UserProfileContext.ACCOUNT, userWithSiret(null), "52047381000015").isValid());
    }

    private ValidationContext validate(UserProfileContext where, UserModel user, String typed) {
        AttributeContext attribute = new AttributeContext(where, null, Map.entry("siret", List.of(typed)), user, null, null);
        return validator.validate(List.of(typed), "siret", new UserProfileAttributeValidationContext(attribute), USER_PROFILE);
    }

    /** Only what the validator reads of an account. */
    private static UserModel userWithSiret(String siret) {
        return (UserModel) Proxy.newProxyInstance(UserModel.class.getClassLoader(), new Class<?>[] {UserModel.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getFirstAttribute") && "siret".equals(args[0])) {
                        return siret;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
