package fr.ceres.keycloak.access.invitation;

import java.util.List;
import java.util.Optional;

import fr.ceres.keycloak.access.store.Invitation;
import fr.ceres.keycloak.common.FormStep;
import fr.ceres.keycloak.signup.AccountActivation;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.FormContext;
import org.keycloak.authentication.ValidationContext;
import org.keycloak.common.util.Time;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;

/**
 * Sign-up from an invitation link: « the email pre-filled and fixed; since the link
 * proved the address, no second activation email ».
 *
 * <p>The invitation page sends a newcomer to the registration endpoint naming the invitation in the extra
 * parameter {@value InvitationResource#SIGNUP_PARAMETER}, which Keycloak keeps as a client note of the
 * authentication session; the link's key itself stays out of every address, in {@link InvitationKeyCookie}.
 * When that cookie holds the live link of the invitation named, this step
 * <ul>
 *   <li>shows the invited address fixed on the form ({@code register.ftl} reads {@value #EMAIL_ATTRIBUTE});</li>
 *   <li>refuses any other address, whatever the browser sends, look-alikes included
 *   ({@link Invitation#isAddressedTo});</li>
 *   <li>once the account exists, marks the address verified and clears the sign-up's pending
 *   marker, so neither the activation email nor the purge of never-activated accounts applies.</li>
 * </ul>
 * Otherwise it does nothing: the sign-up is an ordinary one. It must come after « Ceres: user creation with
 * SIRET » in the registration form, whose success creates the account.
 */
public final class InvitationRegistration extends FormStep {

    public static final String PROVIDER_ID = "ceres-invitation-registration";
    static final String EMAIL_ATTRIBUTE = "ceresInvitationEmail";
    static final String NOTE = AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX
            + InvitationResource.SIGNUP_PARAMETER;

    @Override
    public void buildPage(FormContext context, LoginFormsProvider form) {
        invitation(context).ifPresent(invitation -> form.setAttribute(EMAIL_ATTRIBUTE, invitation.email()));
    }

    @Override
    public void validate(ValidationContext context) {
        Optional<Invitation> invitation = invitation(context);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (invitation.isPresent() && !invitation.get().isAddressedTo(form.getFirst(UserModel.EMAIL))) {
            context.error(Errors.INVALID_REGISTRATION);
            context.validationError(form, List.of(new FormMessage(UserModel.EMAIL, "ceresInvitationEmailFixed")));
            return;
        }
        context.success();
    }

    @Override
    public void success(FormContext context) {
        UserModel user = context.getUser();
        if (user != null && invitation(context).filter(i -> i.isAddressedTo(user.getEmail())).isPresent()) {
            AccountActivation.activate(context.getSession(), user);
            context.getAuthenticationSession().removeRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
        }
    }

    /** The invitation this sign-up comes from, if the browser holds its live link. */
    private static Optional<Invitation> invitation(FormContext context) {
        String named = context.getAuthenticationSession().getClientNote(NOTE);
        if (named == null) {
            return Optional.empty();
        }
        return InvitationKeyCookie.read(context.getSession())
                .map(key -> OpenedLink.open(context.getSession(), context.getRealm(), key, Time.currentTimeMillis()))
                .filter(link -> link.isLive() && link.invitation().id().equals(named))
                .map(OpenedLink::invitation);
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
