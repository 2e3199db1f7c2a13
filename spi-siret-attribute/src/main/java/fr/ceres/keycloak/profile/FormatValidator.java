package fr.ceres.keycloak.profile;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import fr.ceres.keycloak.common.ProviderVersion;
import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/**
 * A user-profile validator that accepts the values a parser can read, with one message key for
 * the others (which an administrator may replace with the {@code error-message} option).
 *
 * <p>Like Keycloak's own validators it is its own factory: it holds no state, so one instance
 * serves every session.
 */
public abstract class FormatValidator extends AbstractStringValidator
        implements ConfiguredProvider, ServerInfoAwareProviderFactory {

    /** Same option name as Keycloak's {@code pattern} validator, so admins find it where they expect it. */
    public static final String CFG_ERROR_MESSAGE = "error-message";

    private final String id;
    private final String defaultMessage;
    private final String helpText;
    private final Predicate<String> readable;
    private final List<ProviderConfigProperty> configProperties;

    protected FormatValidator(String id, String defaultMessage, String helpText, Predicate<String> readable) {
        this.id = id;
        this.defaultMessage = defaultMessage;
        this.helpText = helpText;
        this.readable = readable;
        this.configProperties = ProviderConfigurationBuilder.create()
                .property()
                .name(CFG_ERROR_MESSAGE)
                .label("Error message key")
                .helpText("Key of the error message in the theme's messages. Default: " + defaultMessage)
                .type(ProviderConfigProperty.STRING_TYPE)
                .add()
                .build();
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    protected void doValidate(String value, String inputHint, ValidationContext context, ValidatorConfig config) {
        if (!readable.test(value)) {
            String message = config == null ? defaultMessage : config.getStringOrDefault(CFG_ERROR_MESSAGE, defaultMessage);
            context.addError(new ValidationError(id, inputHint, message, value));
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
        return helpText;
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
