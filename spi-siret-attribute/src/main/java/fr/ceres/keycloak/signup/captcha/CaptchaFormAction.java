package fr.ceres.keycloak.signup.captcha;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import fr.ceres.keycloak.common.FormStep;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.FormContext;
import org.keycloak.authentication.ValidationContext;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The sign-up's captcha, served by the bundle itself (ALTCHA's proof of work): no third party sees who signs up, and
 * nothing to click for most people. Each page carries a fresh signed challenge, which the page's widget solves in the
 * background; the form is accepted only with a right solution of a challenge that has not expired and has never
 * been used, on any node of the cluster (Keycloak's single-use store). Otherwise the page comes back with a French
 * message and a new challenge, and nothing is stored.
 */
public final class CaptchaFormAction extends FormStep {

    public static final String PROVIDER_ID = "ceres-captcha";

    /** The form field the widget posts its solution in. */
    static final String FIELD = "altcha";
    /** The challenge (JSON) the page's widget solves; the theme's ceres-captcha.ftl reads it. */
    static final String CHALLENGE_ATTRIBUTE = "ceresCaptchaChallenge";
    /** The event detail saying why a sign-up was refused: missing, invalid, replayed. */
    static final String EVENT_DETAIL = "ceres_captcha";
    static final String MESSAGE_MISSING = "ceresCaptchaMissing";
    static final String MESSAGE_REFUSED = "ceresCaptchaRefused";

    @Override
    public void buildPage(FormContext context, LoginFormsProvider form) {
        // Valid as long as the sign-up page itself (the realm's "Login action" lifespan).
        Instant expiresAt = Instant.now().plusSeconds(context.getRealm().getAccessCodeLifespanLogin());
        long maxNumber = CaptchaConfigProperties.maxNumber(context.getAuthenticatorConfig());
        form.setAttribute(CHALLENGE_ATTRIBUTE, proofOfWork(context).challenge(maxNumber, expiresAt));
    }

    @Override
    public void validate(ValidationContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        ProofOfWork.Verdict verdict = proofOfWork(context).check(form.getFirst(FIELD),
                (id, lifespan) -> context.getSession().singleUseObjects().putIfAbsent(id, lifespan));
        if (verdict == ProofOfWork.Verdict.SOLVED) {
            context.success();
            return;
        }
        context.getEvent().detail(EVENT_DETAIL, verdict.name().toLowerCase(Locale.ROOT));
        context.error(Errors.INVALID_REGISTRATION);
        context.validationError(form, List.of(new FormMessage(null,
                verdict == ProofOfWork.Verdict.MISSING ? MESSAGE_MISSING : MESSAGE_REFUSED)));
    }

    private static ProofOfWork proofOfWork(FormContext context) {
        return new ProofOfWork(ChallengeKey.of(context.getSession(), context.getRealm()));
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CaptchaConfigProperties.ALL;
    }

    @Override
    public String getDisplayType() {
        return "Ceres: captcha (proof of work, ALTCHA)";
    }

    @Override
    public String getHelpText() {
        return "Asks the browser for a little computing work, done in the background while the person fills in the form,"
                + " checked here; no third-party service. Each challenge serves once.";
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
