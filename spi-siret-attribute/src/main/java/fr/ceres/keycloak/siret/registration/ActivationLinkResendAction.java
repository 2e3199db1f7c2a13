package fr.ceres.keycloak.siret.registration;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import fr.ceres.keycloak.common.ProviderVersion;
import org.keycloak.Config;
import org.keycloak.authentication.FormAction;
import org.keycloak.authentication.FormActionFactory;
import org.keycloak.authentication.FormContext;
import org.keycloak.authentication.ValidationContext;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * The "Renvoyer le lien d'activation" button of the sign-up page, shown when someone signs up
 * again with the email of an account that awaits activation.
 *
 * <p>It must be the last step of the registration form: the button posts the whole form, and only
 * the last step can set aside what the others say of it (empty password fields, a missing
 * captcha), so the page shows just the answer to the request.
 */
public final class ActivationLinkResendAction implements FormAction, FormActionFactory, ServerInfoAwareProviderFactory {

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
    public void buildPage(FormContext context, LoginFormsProvider form) {
    }

    @Override
    public void success(FormContext context) {
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
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
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
                AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public FormAction create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("version", ProviderVersion.of(getClass()));
    }
}
