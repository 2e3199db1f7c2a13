package fr.ceres.keycloak.signup;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.ceres.keycloak.common.BoundedOption;
import fr.ceres.keycloak.common.FormStep;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.Config;
import org.keycloak.authentication.ValidationContext;
import org.keycloak.events.Errors;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The "Renvoyer le lien d'activation" button of the sign-up page, shown when someone signs up
 * again with the email of an account that awaits activation.
 *
 * <p>It must be the last step of the registration form: the button posts the whole form, and only
 * the last step can set aside what the others say of it (empty password fields, a missing
 * captcha), so the page shows just the answer to the request.
 */
public final class ActivationLinkResendAction extends FormStep {

    public static final String PROVIDER_ID = "ceres-activation-link-resend";

    static final String RESEND_PARAM = "ceresResend";
    static final String MAX_RESENDS = "resends-per-signup";
    static final int DEFAULT_MAX_RESENDS = 3;
    /** Beyond, a typo rather than a policy: the quota would no longer protect anybody's mailbox. */
    static final int MAX_MAX_RESENDS = 100;

    private int maxResends = DEFAULT_MAX_RESENDS;

    @Override
    public void init(Config.Scope config) {
        maxResends = BoundedOption.read(config, "--spi-form-action--" + PROVIDER_ID + "--", MAX_RESENDS,
                DEFAULT_MAX_RESENDS, MAX_MAX_RESENDS);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(MAX_RESENDS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Activation links the sign-up page may send again to one account awaiting activation"
                        + " (1 to " + MAX_MAX_RESENDS + "), on top of the first one.")
                .defaultValue(DEFAULT_MAX_RESENDS)
                .add()
                .build();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of(MAX_RESENDS, Integer.toString(maxResends));
    }

    @Override
    public void validate(ValidationContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        Optional<UserModel> pending = form.containsKey(RESEND_PARAM)
                ? PendingSignup.find(context.getSession(), context.getRealm(), form.getFirst(UserModel.EMAIL))
                : Optional.empty();
        if (pending.isEmpty()) {
            context.success();
            return;
        }
        context.excludeOtherErrors();
        context.error(Errors.EMAIL_IN_USE);
        context.validationError(form, List.of(new ActivationLinkResend(context, maxResends).send(pending.get())));
    }

    @Override
    public String getDisplayType() {
        return "Ceres: resend the activation link";
    }

    @Override
    public String getHelpText() {
        return "Sends a new activation link to an account awaiting activation when its owner signs up again. "
                + "Place it last in the registration form.";
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
