package fr.ceres.keycloak.common;

import java.util.List;

import org.keycloak.authentication.FormAction;
import org.keycloak.authentication.FormActionFactory;
import org.keycloak.authentication.FormContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * A step of the registration form that keeps no state, so one instance is both the factory and the action (as
 * Keycloak's own registration steps are). A subclass says what the step does ({@link #validate}, and
 * {@link #buildPage} or {@link #success} when it needs them) and how the admin console names it; this class
 * says the rest: no configuration, required or disabled, no user before it, and the bundle's version in the
 * server info.
 */
public abstract class FormStep extends BundleFactory implements FormAction, FormActionFactory {

    private static final Requirement[] REQUIRED_OR_DISABLED = {Requirement.REQUIRED, Requirement.DISABLED};

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
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIRED_OR_DISABLED.clone();
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
    public final FormAction create(KeycloakSession session) {
        return this;
    }
}
