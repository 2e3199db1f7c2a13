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
import fr.ceres.keycloak.common.ShortTransaction;
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
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
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
                && !new Habilitations(session).holdsAny(context.getUser())) {
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
        String userId = context.getUser().getId();
        long now = Time.currentTimeMillis();

        // The slot first, committed before the code is evaluated: a locked-out person's attempt is not even tried,
        // and concurrent tabs or nodes cannot all pass one count (see AttemptStore).
        Optional<AttemptReservation> reservation = ShortTransaction.run(session, "ceres-attempt-slot",
                own -> AttemptStore.of(own).reserve(realmId, userId, siret, options.perUser(), now));
        if (reservation.isEmpty()) {
            busy(context, siret);
            return;
        }
        if (reservation.get() instanceof AttemptReservation.Refused refused) {
            error(context, siret).error(Refusal.TOO_MANY_ATTEMPTS.eventError());
            showRefusal(context, Refusal.TOO_MANY_ATTEMPTS, siret.value(), hourOf(refused.lockedUntil()));
            return;
        }
        String attemptId = ((AttemptReservation.Reserved) reservation.get()).attemptId();

        // Then the code, the habilitation and the slot's fate in one more transaction of their own: the code's row
        // stays locked only while they are written, not while Keycloak ends the sign-in. The code is used up only
        // if the grant holds; if the work does not happen at all, the slot stays a failure.
        Optional<Redemption> redemption = ShortTransaction.run(session, "ceres-redemption",
                own -> redeem(own, attemptId, siret, typedCode, userId, now));
        if (redemption.isEmpty()) {
            // Nothing was evaluated: the slot is given back if the database lets it, else it stays a failure.
            ShortTransaction.run(session, "ceres-attempt-slot-back", own -> {
                AttemptStore.of(own).release(attemptId);
                return attemptId;
            });
            busy(context, siret);
            return;
        }
        RedemptionResult result = redemption.get().result();
        if (result == RedemptionResult.REDEEMED) {
            // Keycloak records the action's success event with these details, then removes the
            // action from the user and the authentication session, and goes on with the flow.
            context.getEvent().detail(SIRET_DETAIL, siret.value());
            // The redemption's own transaction has committed.
            BundleMetrics.keycloak().count(REDEMPTIONS, "outcome", "redeemed", "reason", "");
            context.success();
            return;
        }
        Refusal refusal = Refusal.of(result).orElseThrow();
        EventBuilder event = error(context, siret);
        redemption.get().siretAlert().ifPresent(failures -> event.detail(SIRET_ALERT_DETAIL, Long.toString(failures)));
        event.error(refusal.eventError());
        if (refusal == Refusal.ALREADY_REDEEMED) {
            showRefusal(context, refusal, siret.value(), redemption.get().centreName());
        } else {
            showRefusal(context, refusal, siret.value());
        }
    }

    /** The attempt evaluated and its outcome stored, on the session of its own transaction. */
    private Redemption redeem(KeycloakSession own, String attemptId, Siret siret, String typedCode, String userId, long now) {
        String realmId = own.getContext().getRealm().getId();
        AttemptStore attempts = AttemptStore.of(own);
        OrganizationModel centre = own.getProvider(OrganizationProvider.class).getByAlias(siret.value());
        RedemptionResult result = !Habilitations.isActive(centre)
                ? RedemptionResult.NO_CODE
                : ActivationCodeStore.of(own).redeem(realmId, siret, typedCode, userId, now);
        if (!result.isFailure()) {
            attempts.release(attemptId);
        }
        if (result == RedemptionResult.REDEEMED) {
            UserModel user = own.users().getUserById(own.getContext().getRealm(), userId);
            new Habilitations(own).grant(centre, siret.value(), CeresRole.GESTIONNAIRE, user);
        }
        Optional<Long> alert = result.isFailure() ? alertIfUnusual(attempts, attemptId, realmId, siret, now) : Optional.empty();
        return new Redemption(result, centre == null ? "" : centre.getName(), alert);
    }

    /**
     * Failures on one SIRET by anyone lock nobody out (the letter's holder must not pay for others' mistakes), but
     * an unusual number of them is told: on this attempt's event, and as a mark the agents' API shows on the centre.
     * Returns the count that raised the alert, if it did.
     */
    private Optional<Long> alertIfUnusual(AttemptStore attempts, String attemptId, String realmId, Siret siret, long now) {
        long failures = attempts.failuresOnSiretSince(realmId, siret, options.siretAlert().since(now));
        if (!options.siretAlert().raisedBy(failures)) {
            return Optional.empty();
        }
        attempts.markSiretAlert(attemptId);
        return Optional.of(failures);
    }

    /** The database stayed too busy to take the attempt: nothing was evaluated, and the person may try again. */
    private static void busy(RequiredActionContext context, Siret siret) {
        error(context, siret).error(Refusal.BUSY.eventError());
        showRefusal(context, Refusal.BUSY, siret.value());
    }

    /** What came of one evaluated attempt: the result, the centre's name, and the SIRET's alert if it was raised. */
    private record Redemption(RedemptionResult result, String centreName, Optional<Long> siretAlert) {
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
