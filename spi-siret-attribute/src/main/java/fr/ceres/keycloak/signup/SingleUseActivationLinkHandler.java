package fr.ceres.keycloak.signup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.common.PortalUrls;
import fr.ceres.keycloak.common.ProviderVersion;
import jakarta.ws.rs.core.Response;
import org.keycloak.Config;
import org.keycloak.TokenVerifier.Predicate;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.TokenUtils;
import org.keycloak.authentication.actiontoken.verifyemail.VerifyEmailActionToken;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Replaces Keycloak's handler of {@code verify-email} links (same provider id, so a custom factory
 * wins over the built-in one) to make the account activation link what the Ceres procedure
 * promises:
 * <ul>
 *   <li>opening the link activates nothing: mail scanners open links, so it shows a page whose
 *   "Activer mon compte" button does the activation;</li>
 *   <li>the link works once: the activation claims the token in Keycloak's single-use store
 *   ({@code putIfAbsent}, atomic across the cluster), and any later use, of this link or of an
 *   older one, shows a page saying the account is already active;</li>
 *   <li>it lives as long as the realm's {@code verify-email} token lifespan (24 hours), and the
 *   accounts whose link ran out are removed by {@link AbandonedSignupPurge}.</li>
 * </ul>
 * Keycloak's own verify-email required action, its email and its resend link are kept: only what
 * happens when the link is opened changes.
 */
public final class SingleUseActivationLinkHandler extends AbstractActionTokenHandler<VerifyEmailActionToken>
        implements ServerInfoAwareProviderFactory {

    static final String ACTIVATE = "activate";
    static final String TEMPLATE = "ceres-activation.ftl";

    private static final String PURGE_INTERVAL_OPTION = "purge-interval-seconds";
    private static final int DEFAULT_PURGE_INTERVAL_SECONDS = 900;

    private int purgeIntervalSeconds = DEFAULT_PURGE_INTERVAL_SECONDS;

    public SingleUseActivationLinkHandler() {
        super(VerifyEmailActionToken.TOKEN_TYPE, VerifyEmailActionToken.class,
                Messages.STALE_VERIFY_EMAIL_LINK, EventType.VERIFY_EMAIL, Errors.INVALID_TOKEN);
    }

    @Override
    public Predicate<? super VerifyEmailActionToken>[] getVerifiers(ActionTokenContext<VerifyEmailActionToken> tokenContext) {
        // A link sent to an address the account no longer has must not activate it.
        return TokenUtils.predicates(verifyEmail(tokenContext));
    }

    @Override
    public Response handleToken(VerifyEmailActionToken token, ActionTokenContext<VerifyEmailActionToken> tokenContext) {
        AuthenticationSessionModel authSession = tokenContext.getAuthenticationSession();
        UserModel user = authSession.getAuthenticatedUser();
        EventBuilder event = tokenContext.getEvent().event(EventType.VERIFY_EMAIL)
                .user(user).detail(Details.EMAIL, user.getEmail());

        if (user.isEmailVerified()) {
            event.error(Errors.EMAIL_ALREADY_VERIFIED);
            return page(tokenContext, ActivationPage.USED).build();
        }
        if (!ACTIVATE.equals(tokenContext.getExecutionId())) {
            return page(tokenContext, ActivationPage.CONFIRM)
                    .setAttribute("activationAction", Urls.loginActionsBase(tokenContext.getUriInfo().getBaseUri())
                            .path("action-token").build(tokenContext.getRealm().getName()).toString())
                    .setAttribute("activationParams", activationParams(token, tokenContext))
                    .build();
        }
        long secondsLeft = Math.max(1, token.getExp() - Time.currentTime());
        if (!tokenContext.getSession().singleUseObjects().putIfAbsent(token.serializeKey(), secondsLeft)) {
            event.error(Errors.EMAIL_ALREADY_VERIFIED);
            return page(tokenContext, ActivationPage.USED).build();
        }

        AccountActivation.activate(tokenContext.getSession(), user);
        event.success();

        Response activated = page(tokenContext, ActivationPage.ACTIVATED).build();
        // The account is active; whatever sign-in was under way in this browser starts afresh.
        new AuthenticationSessionManager(tokenContext.getSession())
                .removeAuthenticationSession(tokenContext.getRealm(), authSession, true);
        return activated;
    }

    /** The same link, asking this time for the activation itself. */
    private static Map<String, String> activationParams(VerifyEmailActionToken token,
                                                        ActionTokenContext<VerifyEmailActionToken> tokenContext) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(Constants.KEY, tokenContext.getUriInfo().getQueryParameters().getFirst(Constants.KEY));
        params.put(Constants.CLIENT_ID, token.getIssuedFor());
        params.put(Constants.TAB_ID, tokenContext.getAuthenticationSession().getTabId());
        params.put(Constants.EXECUTION, ACTIVATE);
        return params;
    }

    private static ActivationPage.Builder page(ActionTokenContext<VerifyEmailActionToken> tokenContext, String state) {
        KeycloakSession session = tokenContext.getSession();
        AuthenticationSessionModel authSession = tokenContext.getAuthenticationSession();
        LoginFormsProvider forms = session.getProvider(LoginFormsProvider.class)
                .setAuthenticationSession(authSession)
                .setUser(authSession.getAuthenticatedUser());
        return new ActivationPage.Builder(forms, state,
                PortalUrls.portal(tokenContext.getUriInfo().getBaseUri(), tokenContext.getRealm().getName()).toString());
    }

    @Override
    public void init(Config.Scope config) {
        purgeIntervalSeconds = config.getInt(PURGE_INTERVAL_OPTION, DEFAULT_PURGE_INTERVAL_SECONDS);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                AbandonedSignupPurge.schedule(factory, purgeIntervalSeconds * 1000L);
            }
        });
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(PURGE_INTERVAL_OPTION)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_PURGE_INTERVAL_SECONDS)
                .helpText("How often, in seconds, accounts whose activation link ran out are removed (one node of the cluster does it).")
                .add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of(
                "version", ProviderVersion.of(getClass()),
                PURGE_INTERVAL_OPTION, Integer.toString(purgeIntervalSeconds));
    }
}
