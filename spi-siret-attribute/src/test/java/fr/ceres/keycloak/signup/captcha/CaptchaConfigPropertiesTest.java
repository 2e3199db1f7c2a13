package fr.ceres.keycloak.signup.captcha;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class CaptchaConfigPropertiesTest {

    @Test
    @DisplayName("The execution's cost is read; unset, not a number or out of bounds, the default applies")
    void maxNumber() {
        assertEquals(250_000, CaptchaConfigProperties.maxNumber(config(" 250000 ")));
        assertEquals(CaptchaConfigProperties.DEFAULT_MAX_NUMBER, CaptchaConfigProperties.maxNumber(null));
        assertEquals(CaptchaConfigProperties.DEFAULT_MAX_NUMBER, CaptchaConfigProperties.maxNumber(new AuthenticatorConfigModel()));
        assertEquals(CaptchaConfigProperties.DEFAULT_MAX_NUMBER, CaptchaConfigProperties.maxNumber(config("beaucoup")));
        assertEquals(CaptchaConfigProperties.DEFAULT_MAX_NUMBER, CaptchaConfigProperties.maxNumber(config("999")));
        assertEquals(CaptchaConfigProperties.DEFAULT_MAX_NUMBER, CaptchaConfigProperties.maxNumber(config("10000001")));
        assertEquals(CaptchaConfigProperties.MIN_MAX_NUMBER, CaptchaConfigProperties.maxNumber(config("1000")));
    }

    private static AuthenticatorConfigModel config(String maxNumber) {
        AuthenticatorConfigModel config = new AuthenticatorConfigModel();
        config.setConfig(Map.of(CaptchaConfigProperties.MAX_NUMBER, maxNumber));
        return config;
    }
}
