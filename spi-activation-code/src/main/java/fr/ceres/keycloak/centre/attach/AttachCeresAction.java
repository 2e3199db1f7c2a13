package fr.ceres.keycloak.centre.attach;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import fr.ceres.keycloak.centre.code.RedemptionResult;
import fr.ceres.keycloak.centre.code.jpa.ActivationCodeStore;
import fr.ceres.keycloak.centre.code.jpa.AttemptReservation;
import fr.ceres.keycloak.centre.code.jpa.AttemptStore;
import fr.ceres.keycloak.centre.habilitation.CeresRole;
import fr.ceres.keycloak.centre.habilitation.Habilitations;
import fr.ceres.keycloak.common.BundleMetrics;
import fr.ceres.keycloak.siret.Siret;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The attach page and what its form does (see {@link AttachCeresActionFactory}). One instance per
 * request; everything it remembers lives in the database.
 */
final class AttachCeresAction implements RequiredActionProvider {

    static final String SIRET_DETAIL = "siret";
    /** On a failure's event when the SIRET's failures reached the alert threshold: how many within the window. */
    static final String SIRET_ALERT_DETAIL = "siret_failures_alert";

    /**
     * Every answer of the attach form: {@code outcome=redeemed} (counted once the habilitation is committed), or
     * {@code outcome=refused} with the {@link Refusal} as {@code reason}. Both tags on every series, as Prometheus
     * wants one set of labels per name; a redemption's reason is empty, as Keycloak's event metrics leave the error.
     */
    static final BundleMetrics.Count REDEMPTIONS = new BundleMetrics.Count("ceres.code.redemptions",
            "Activation codes submitted on the attach page: redeemed, or refused with the reason");

    private final KeycloakSession session;
    private final AttachOptions options;

    AttachCeresAction(KeycloakSession session, AttachOptions options) {
        this.session = session;
        this.options = options;
    }

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    /**
     * Signing in to Ceres without any habilitation leads here rather than to a token without
     * rights. The action goes on the authentication session only: nothing is stored
     * on the user, so signing in to any other application is not affected, and a user who gets a
     * habilitation otherwise (an invitation) is not asked again.
     */
    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (options.clientId().equals(authSession.getClient().getClientId())
                && new Habilitations(session).of(context.getUser()).isEmpty()) {
            authSession.addRequiredAction(AttachCeresActionFactory.PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(context.form().createForm(AttachForm.TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(AttachForm.LEAVE)) {
            // Keycloak cancels an application-initiated action on this button itself; we get here
            // when the page was imposed at sign-in to Ceres. failure() ends the flow with
            // error=access_denied back to the application, which then knows the person has no
            // right: better than a token without habilitation, or a dead end.
            context.failure();
            return;
        }
        String typedSiret = Optional.ofNullable(form.getFirst(AttachForm.SIRET)).orElse("").strip();
        Optional<Siret> siret = Siret.parse(typedSiret);
        if (siret.isEmpty()) {
            showRefusal(context, Refusal.INVALID_SIRET, typedSiret);
            return;
        }
        String typedCode = form.getFirst(AttachForm.CODE);
        if (typedCode == null || typedCode.isBlank()) {
            showRefusal(context, Refusal.CODE_MISSING, typedSiret);
            return;
        }
        attach(context, siret.get(), typedCode);
    }

    private void attach(RequiredActionContext context, Siret siret, String typedCode) {
        String realmId = context.getRealm().getId();
        UserModel user = context.getUser();
        long now = Time.currentTimeMillis();

        // The slot first, in its own transaction committed before the code is evaluated: a locked-out person's
        // attempt is not even tried, and concurrent tabs or nodes cannot all pass one count (see AttemptStore).
        AttemptReservation reservation;
        try {
            reservation = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(),
                    own -> AttemptStore.of(own).reserve(realmId, user.getId(), siret, options.perUser(), now));
        } catch (ModelException e) {
            // The slot could not be taken (the database's lock wait ran out under a burst): the code is not
            // evaluated, and the person is asked to try again rather than shown an error page.
            error(context, siret).error(Refusal.BUSY.eventError());
            showRefusal(context, Refusal.BUSY, siret.value());
            return;
        }
        if (reservation instanceof AttemptReservation.Refused refused) {
            error(context, siret).error(Refusal.TOO_MANY_ATTEMPTS.eventError());
            showRefusal(context, Refusal.TOO_MANY_ATTEMPTS, siret.value(), hourOf(refused.lockedUntil()));
            return;
        }
        String attemptId = ((AttemptReservation.Reserved) reservation).attemptId();
        AttemptStore attempts = AttemptStore.of(session);

        OrganizationModel centre = session.getProvider(OrganizationProvider.class).getByAlias(siret.value());
        RedemptionResult result = !Habilitations.isActive(centre)
                ? RedemptionResult.NO_CODE
                : ActivationCodeStore.of(session).redeem(realmId, siret, typedCode, user.getId(), now);
        if (!result.isFailure()) {
            // In the request's transaction: if the grant below rolls back, the slot stays a failure.
            attempts.release(attemptId);
        }
        if (result == RedemptionResult.REDEEMED) {
            // Same transaction as the guarded UPDATE: the code is used up only if the grant holds.
            new Habilitations(session).grant(centre, siret.value(), CeresRole.GESTIONNAIRE, user);
            // Keycloak records the action's success event with these details, then removes the
            // action from the user and the authentication session, and goes on with the flow.
            context.getEvent().detail(SIRET_DETAIL, siret.value());
            BundleMetrics.keycloak().countOnCommit(session, REDEMPTIONS, "outcome", "redeemed", "reason", "");
            context.success();
            return;
        }
        Refusal refusal = Refusal.of(result).orElseThrow();
        EventBuilder event = error(context, siret);
        if (result.isFailure()) {
            alertIfUnusual(event, attempts, attemptId, realmId, siret, now);
        }
        event.error(refusal.eventError());
        if (refusal == Refusal.ALREADY_REDEEMED) {
            showRefusal(context, refusal, siret.value(), centre.getName());
        } else {
            showRefusal(context, refusal, siret.value());
        }
    }

    /**
     * Failures on one SIRET by anyone lock nobody out (the letter's holder must not pay for others' mistakes), but
     * an unusual number of them is told: on this attempt's event, and as a mark the agents' API shows on the centre.
     */
    private void alertIfUnusual(EventBuilder event, AttemptStore attempts, String attemptId, String realmId, Siret siret,
            long now) {
        long failures = attempts.failuresOnSiretSince(realmId, siret, options.siretAlert().since(now));
        if (options.siretAlert().raisedBy(failures)) {
            attempts.markSiretAlert(attemptId);
            event.detail(SIRET_ALERT_DETAIL, Long.toString(failures));
        }
    }

    /** The event of a refused attempt: who (Keycloak adds the user) and which SIRET, never the code. */
    private static EventBuilder error(RequiredActionContext context, Siret siret) {
        return context.getEvent().clone()
                .event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                .detail(Details.CUSTOM_REQUIRED_ACTION, AttachCeresActionFactory.PROVIDER_ID)
                .detail(SIRET_DETAIL, siret.value());
    }

    private static void showRefusal(RequiredActionContext context, Refusal refusal, String typedSiret, Object... parameters) {
        BundleMetrics.keycloak().count(REDEMPTIONS, "outcome", "refused", "reason", BundleMetrics.tag(refusal));
        LoginFormsProvider page = context.form().setAttribute(AttachForm.SIRET_VALUE, typedSiret);
        if (refusal.field().isPresent()) {
            page.addError(new FormMessage(refusal.field().get(), refusal.message(), parameters));
        } else {
            page.setError(refusal.message(), parameters);
        }
        context.challenge(page.createForm(AttachForm.TEMPLATE));
    }

    private String hourOf(long epochMillis) {
        return DateTimeFormatter.ofPattern("HH:mm").withZone(options.zone()).format(Instant.ofEpochMilli(epochMillis));
    }

    @Override
    public void close() {
    }
}
