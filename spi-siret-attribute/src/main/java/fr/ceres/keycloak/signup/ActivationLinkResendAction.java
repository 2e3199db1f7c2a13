package fr.ceres.keycloak.signup;

import java.util.List;
import java.util.Optional;

import fr.ceres.keycloak.common.FormStep;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.ValidationContext;
import org.keycloak.events.Errors;
import org.keycloak.models.UserModel;

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
        context.validationError(form, List.of(new ActivationLinkResend(context).send(pending.get())));
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
