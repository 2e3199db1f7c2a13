package fr.ceres.keycloak.siret.validation;

import fr.ceres.keycloak.common.ProviderVersion;
import fr.ceres.keycloak.siret.Siret;
import java.util.List;
import java.util.Map;
import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/**
 * User-profile validator {@code siret}: the value must be a SIRET that {@link Siret#parse} accepts
 * (14 digits, spaces allowed, valid checksum). It does not ask the company register: that belongs
 * to the registration form action, which can tell "unknown" from "register down".
 *
 * <p>Like Keycloak's own validators it is its own factory (a {@code SimpleValidator}): it holds no
 * state, so one instance serves every session.
 */
public final class SiretValidator extends AbstractStringValidator
        implements ConfiguredProvider, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "siret";
    public static final String MESSAGE_INVALID_SIRET = "ceresInvalidSiret";
    /** Same option name as Keycloak's {@code pattern} validator, so admins find it where they expect it. */
    public static final String CFG_ERROR_MESSAGE = "error-message";

    private final List<ProviderConfigProperty> configProperties = ProviderConfigurationBuilder.create()
            .property()
            .name(CFG_ERROR_MESSAGE)
            .label("Error message key")
            .helpText("Key of the error message in the theme's messages. Default: " + MESSAGE_INVALID_SIRET)
            .type(ProviderConfigProperty.STRING_TYPE)
            .add()
            .build();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    protected void doValidate(String value, String inputHint, ValidationContext context, ValidatorConfig config) {
        if (Siret.parse(value).isEmpty()) {
            String message = config == null ? MESSAGE_INVALID_SIRET
                    : config.getStringOrDefault(CFG_ERROR_MESSAGE, MESSAGE_INVALID_SIRET);
            context.addError(new ValidationError(PROVIDER_ID, inputHint, message, value));
        }
    }

    /**
     * The user profile always configures {@code ignore.empty.value}; the base class then skips only
     * {@code ""}, but the {@code required} check already treats blank as missing, so a blank value
     * reported here too would show the user two errors for one mistake.
     */
    @Override
    protected boolean skipValidation(Object value, ValidatorConfig config) {
        if (isIgnoreEmptyValuesConfigured(config) && (value == null || value instanceof String)) {
            return value == null || ((String) value).isBlank();
        }
        return false;
    }

    @Override
    public String getHelpText() {
        return "French establishment number (SIRET): 14 digits with a valid checksum; spaces are allowed.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return configProperties;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("version", ProviderVersion.of(getClass()));
    }
}
