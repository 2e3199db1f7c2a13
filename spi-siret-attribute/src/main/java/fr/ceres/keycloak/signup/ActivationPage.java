package fr.ceres.keycloak.signup;

import jakarta.ws.rs.core.Response;
import org.keycloak.forms.login.LoginFormsProvider;

/** The states of the themed page an activation link leads to ({@code ceres-activation.ftl}). */
final class ActivationPage {

    /** The link was opened: a button asks for the activation. */
    static final String CONFIRM = "confirm";
    /** The account has just been activated. */
    static final String ACTIVATED = "activated";
    /** The link, or another one, has already activated the account. */
    static final String USED = "used";

    private ActivationPage() {
    }

    static final class Builder {

        private final LoginFormsProvider forms;

        Builder(LoginFormsProvider forms, String state, String portalUrl) {
            this.forms = forms
                    .setAttribute("activationState", state)
                    .setAttribute("portalUrl", portalUrl);
        }

        Builder setAttribute(String name, Object value) {
            forms.setAttribute(name, value);
            return this;
        }

        Response build() {
            return forms.createForm(SingleUseActivationLinkHandler.TEMPLATE);
        }
    }
}
