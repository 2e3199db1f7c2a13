package fr.ceres.keycloak.signup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.ceres.keycloak.common.BundleMetrics;
import fr.ceres.keycloak.common.FreeText;
import fr.ceres.keycloak.common.ProviderVersion;
import fr.ceres.keycloak.profile.FreeTextValidator;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.FormContext;
import org.keycloak.authentication.ValidationContext;
import org.keycloak.authentication.forms.RegistrationUserCreation;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.validation.Validation;
import org.keycloak.userprofile.ValidationException;

/**
 * Keycloak's "Registration User Profile Creation" step, plus what the Ceres sign-up needs:
 * the SIRET must name an active establishment of the company register, whose public fields fill
 * the blanks the person left; typed values are normalised before the profile sees them; and
 * someone signing up again while their first account awaits activation is told so, with a button
 * asking for a new link ({@link ActivationLinkResendAction}) instead of a dead end.
 *
 * <p>It replaces {@code registration-user-creation} in the realm's registration form.
 */
public final class CeresRegistrationUserCreation extends RegistrationUserCreation implements ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ceres-registration-user-creation";

    static final String PENDING_EMAIL_ATTRIBUTE = "ceresPendingEmail";

    static final BundleMetrics.Count SIGNUPS = new BundleMetrics.Count("ceres.signups",
            "Accounts created by the sign-up page");

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Ceres: user creation with SIRET";
    }

    @Override
    public String getHelpText() {
        return "Creates the account like 'Registration User Profile Creation', after checking the SIRET "
                + "in the company register and filling the company fields from it.";
    }

    @Override
    public void validate(ValidationContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        SignupForm.normalize(form);

        String email = form.getFirst(UserModel.EMAIL);
        if (email != null && FreeText.hasHiddenCharacter(email, FreeText.Shape.LINE)) {
            // Refused before anything looks the address up: Keycloak's own checks (address or username taken)
            // query it, and PostgreSQL refuses a NUL in text with an error instead of an answer.
            context.error(Errors.INVALID_REGISTRATION);
            context.validationError(form, List.of(new FormMessage(UserModel.EMAIL, FreeTextValidator.MESSAGE_HIDDEN_CHARACTERS)));
            return;
        }

        if (pendingAccount(context, form).isPresent()) {
            // Offered a new link instead (see ActivationLinkResendAction); never a second account.
            context.error(Errors.EMAIL_IN_USE);
            context.validationError(form, List.of(new FormMessage(null, "ceresEmailPendingActivation")));
            return;
        }

        SiretCheck check = SiretCheck.run(context.getSession(), form);
        check.recordOn(context.getAuthenticationSession());
        if (check.errors().isEmpty()) {
            super.validate(context);
            return;
        }
        // Show the register's answer together with whatever else is wrong on the page; on a field the
        // check speaks of (a company field to type), its word replaces the profile's "required".
        List<FormMessage> errors = new ArrayList<>(profileErrors(context, form));
        errors.removeIf(error -> check.errors().stream().anyMatch(own -> own.getField().equals(error.getField())));
        errors.addAll(check.errors());
        context.error(Errors.INVALID_REGISTRATION);
        context.validationError(form, errors);
    }

    @Override
    public void success(FormContext context) {
        super.success(context);
        UserModel user = context.getUser();
        SiretCheck.recordedStatus(context.getAuthenticationSession()).ifPresent(status -> status.storeOn(user));
        PendingSignup.mark(user);
        BundleMetrics.keycloak().countOnCommit(context.getSession(), SIGNUPS);
    }

    @Override
    public void buildPage(FormContext context, LoginFormsProvider form) {
        super.buildPage(context, form);
        MultivaluedMap<String, String> submitted = context.getHttpRequest().getDecodedFormParameters();
        pendingAccount(context, submitted)
                .ifPresent(user -> form.setAttribute(PENDING_EMAIL_ATTRIBUTE, user.getEmail()));
    }

    private static Optional<UserModel> pendingAccount(FormContext context, MultivaluedMap<String, String> form) {
        return PendingSignup.find(context.getSession(), context.getRealm(), form.getFirst(UserModel.EMAIL));
    }

    private List<FormMessage> profileErrors(ValidationContext context, MultivaluedMap<String, String> form) {
        try {
            getOrCreateUserProfile(context, form).validate();
            return List.of();
        } catch (ValidationException e) {
            return Validation.getFormErrorsFromValidation(e.getErrors());
        }
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("version", ProviderVersion.of(getClass()));
    }
}
