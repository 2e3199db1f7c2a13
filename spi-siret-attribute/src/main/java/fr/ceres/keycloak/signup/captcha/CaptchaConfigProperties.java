package fr.ceres.keycloak.signup.captcha;

import java.util.List;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The captcha step's settings, on its execution in the registration form (admin console, ⚙ of the step). */
final class CaptchaConfigProperties {

    static final String MAX_NUMBER = "max-number";

    /**
     * Numbers the browser may have to try: half of them on average, about 0.1 s on a recent laptop and under a second
     * on a slow phone (README, "The captcha").
     */
    static final long DEFAULT_MAX_NUMBER = 100_000;
    /** Below, a script solves it as fast as it posts. */
    static final long MIN_MAX_NUMBER = 1_000;
    /** Above, a slow phone works for minutes: a typo rather than a policy. */
    static final long MAX_MAX_NUMBER = 10_000_000;

    static final List<ProviderConfigProperty> ALL = ProviderConfigurationBuilder.create()
            .property()
            .name(MAX_NUMBER)
            .label("Cost (max number)")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(DEFAULT_MAX_NUMBER)
            .helpText("The work each sign-up costs the browser: it tries up to this many hashes, half of them on average ("
                    + MIN_MAX_NUMBER + " to " + MAX_MAX_NUMBER + "; outside, the default).")
            .add()
            .build();

    private CaptchaConfigProperties() {
    }

    /** The execution's cost, or the default when unset or out of bounds. */
    static long maxNumber(AuthenticatorConfigModel config) {
        String value = config == null || config.getConfig() == null ? null : config.getConfig().get(MAX_NUMBER);
        try {
            long maxNumber = value == null ? DEFAULT_MAX_NUMBER : Long.parseLong(value.strip());
            return maxNumber < MIN_MAX_NUMBER || maxNumber > MAX_MAX_NUMBER ? DEFAULT_MAX_NUMBER : maxNumber;
        } catch (NumberFormatException notANumber) {
            return DEFAULT_MAX_NUMBER;
        }
    }
}
