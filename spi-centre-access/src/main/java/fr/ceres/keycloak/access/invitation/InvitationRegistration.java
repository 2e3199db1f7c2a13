package fr.ceres.keycloak.access.invitation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.ceres.keycloak.common.FormStep;
import fr.ceres.keycloak.signup.AccountActivation;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.FormContext;
import org.keycloak.authentication.ValidationContext;
import org.keycloak.common.util.Time;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Sign-up from an invitation link: « the email pre-filled and fixed; since the link
 * proved the address, no second activation email ».
 *
 * <p>The invitation page sends a newcomer to the registration endpoint with the link's key as the
 * extra parameter {@value InvitationResource#SIGNUP_PARAMETER}, which Keycloak keeps as a client
 * note of the authentication session. When that key names a live invitation, this step
 * <ul>
 *   <li>shows the invited address fixed on the form ({@code register.ftl} reads {@value #EMAIL_ATTRIBUTE});</li>
 *   <li>refuses any other address, whatever the browser sends;</li>
 *   <li>once the account exists, marks the address verified and clears the sign-up's pending
 *   marker, so neither the activation email nor the purge of never-activated accounts applies.</li>
 * </ul>
 * Without such a key it does nothing. It must come after « Ceres: user creation with SIRET » in the
 * registration form, whose success creates the account.
 */
public final class InvitationRegistration extends FormStep {

    public static final String PROVIDER_ID = "ceres-invitation-registration";
    static final String EMAIL_ATTRIBUTE = "ceresInvitationEmail";
    static final String NOTE = AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX
            + InvitationResource.SIGNUP_PARAMETER;

    @Override
    public void buildPage(FormContext context, LoginFormsProvider form) {
        invitedEmail(context).ifPresent(email -> form.setAttribute(EMAIL_ATTRIBUTE, email));
    }

    @Override
    public void validate(ValidationContext context) {
        Optional<String> invited = invitedEmail(context);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String submitted = form.getFirst(UserModel.EMAIL);
        if (invited.isPresent() && (submitted == null || !invited.get().equalsIgnoreCase(submitted.trim()))) {
            context.error(Errors.INVALID_REGISTRATION);
            context.validationError(form, List.of(new FormMessage(UserModel.EMAIL, "ceresInvitationEmailFixed")));
            return;
        }
        context.success();
    }

    @Override
    public void success(FormContext context) {
        UserModel user = context.getUser();
        Optional<String> invited = invitedEmail(context);
        // Done with the key: Keycloak would otherwise copy the note into the client session, which is
        // kept (and persisted) as long as the session lives.
        context.getAuthenticationSession().removeClientNote(NOTE);
        if (user == null || invited.isEmpty() || !invited.get().equalsIgnoreCase(user.getEmail())) {
            return;
        }
        AccountActivation.activate(user);
        context.getAuthenticationSession().removeRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
    }

    /**
     * Drops the key from the portal client's session, where Keycloak copied it from the authorization
     * request when the invitee signed in instead of signing up: it must not outlive the visit.
     */
    static void forgetKey(UserSessionModel userSession, ClientModel portalClient) {
        AuthenticatedClientSessionModel clientSession = userSession.getAuthenticatedClientSessionByClient(portalClient.getId());
        if (clientSession != null && clientSession.getNote(NOTE) != null) {
            clientSession.removeNote(NOTE);
        }
    }

    /** The invited address, if the sign-up came from the link of a live invitation. */
    private static Optional<String> invitedEmail(FormContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String key = authSession.getClientNote(NOTE);
        if (key == null) {
            return Optional.empty();
        }
        OpenedLink link = OpenedLink.open(context.getSession(), context.getRealm(), key, Time.currentTimeMillis());
        return link.isLive() ? Optional.of(link.invitation().email().toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    @Override
    public String getDisplayType() {
        return "Ceres: sign-up from an invitation";
    }

    @Override
    public String getHelpText() {
        return "When the sign-up comes from a Ceres invitation link, fixes the email to the invited one and marks it "
                + "verified (no activation email). Place it after 'Ceres: user creation with SIRET'.";
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
