package fr.ceres.keycloak.signup;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.FormContext;
import org.keycloak.authentication.actiontoken.verifyemail.VerifyEmailActionToken;
import org.keycloak.authentication.requiredactions.VerifyEmail;
import org.keycloak.authentication.requiredactions.util.EmailCooldownManager;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.Urls;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Sends a pending account a new activation link from the sign-up page, when the person signs up
 * again with the same email instead of finding the first message.
 *
 * <p>The cooldown is the one Keycloak's own "resend" link on the verify-email page uses (same
 * single-use store entry, same per-realm setting), so neither page can be used to flood a mailbox.
 * The link is the ordinary {@code verify-email} action token, bound to no authentication session
 * (the sign-up page has no authenticated user) and expiring with the account itself, so it never
 * outlives the account it activates.
 */
final class ActivationLinkResend {

    private static final String COOLDOWN_EXPIRY_NOTE = "expire";

    private final FormContext context;
    private final int maxResends;

    ActivationLinkResend(FormContext context, int maxResends) {
        this.context = context;
        this.maxResends = maxResends;
    }

    /**
     * Sends the link unless a previous one is too recent; returns the message to show, under the
     * email field: the sign-up step has already put its global message on the page, and only a
     * message for another field can set that one aside.
     */
    FormMessage send(UserModel user) {
        SingleUseObjectProvider store = context.getSession().singleUseObjects();
        String cooldownKey = VerifyEmail.EMAIL_RESEND_COOLDOWN_KEY_PREFIX + user.getId();
        Map<String, String> cooldown = store.get(cooldownKey);
        if (cooldown != null) {
            long remaining = Long.parseLong(cooldown.get(COOLDOWN_EXPIRY_NOTE)) - Time.currentTime();
            if (remaining > 0) {
                return new FormMessage(UserModel.EMAIL, "ceresActivationResendCooldown", remaining);
            }
        }
        if (!new ActivationResendQuota(context.getSession(), maxResends).take(user)) {
            context.getEvent().clone().event(EventType.SEND_VERIFY_EMAIL).user(user)
                    .detail(Details.REASON, "resend quota").error(Errors.EMAIL_SEND_FAILED);
            return new FormMessage(UserModel.EMAIL, "ceresActivationResendQuota");
        }
        long cooldownSeconds = cooldownSeconds(context.getRealm());
        store.put(cooldownKey, cooldownSeconds,
                Map.of(COOLDOWN_EXPIRY_NOTE, Long.toString(Time.currentTime() + cooldownSeconds)));

        try {
            sendLink(user);
        } catch (EmailException e) {
            context.getEvent().clone().event(EventType.SEND_VERIFY_EMAIL).user(user)
                    .detail(Details.REASON, e.getMessage()).error(Errors.EMAIL_SEND_FAILED);
            return new FormMessage(UserModel.EMAIL, Messages.EMAIL_SENT_ERROR);
        }
        context.getEvent().clone().event(EventType.SEND_VERIFY_EMAIL).user(user)
                .detail(Details.EMAIL, user.getEmail()).success();
        return new FormMessage(UserModel.EMAIL, "ceresActivationResent", user.getEmail());
    }

    private void sendLink(UserModel user) throws EmailException {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        int expiry = (int) PendingSignup.deadline(realm, user);
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String clientId = authSession.getClient().getClientId();
        VerifyEmailActionToken token = new VerifyEmailActionToken(user.getId(), expiry, null, user.getEmail(), clientId);
        String link = Urls.actionTokenBuilder(context.getUriInfo().getBaseUri(),
                        token.serialize(session, realm, context.getUriInfo()), clientId, authSession.getTabId(),
                        AuthenticationProcessor.getClientData(session, authSession))
                .build(realm.getName()).toString();
        long minutesLeft = TimeUnit.SECONDS.toMinutes(Math.max(0, expiry - Time.currentTime()));

        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(user)
                .sendVerifyEmail(link, minutesLeft);
    }

    private static long cooldownSeconds(RealmModel realm) {
        RequiredActionProviderModel verifyEmail =
                realm.getRequiredActionProviderByAlias(UserModel.RequiredAction.VERIFY_EMAIL.name());
        String configured = verifyEmail == null || verifyEmail.getConfig() == null
                ? null
                : verifyEmail.getConfig().get(EmailCooldownManager.EMAIL_RESEND_COOLDOWN_SECONDS);
        return configured == null || configured.isBlank()
                ? EmailCooldownManager.EMAIL_RESEND_COOLDOWN_DEFAULT_SECONDS
                : Long.parseLong(configured.trim());
    }
}
