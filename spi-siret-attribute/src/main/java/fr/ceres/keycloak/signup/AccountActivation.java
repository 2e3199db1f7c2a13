package fr.ceres.keycloak.signup;

import fr.ceres.keycloak.common.BundleMetrics;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * What every path that proves a person owns their account's address does to the account: the address is
 * verified, Keycloak no longer asks to verify it, and the account is no longer a pending sign-up (so the purge
 * of never-activated accounts leaves it alone). The activation link does it, and so does signing up from an
 * invitation link, which proved the address by reaching it.
 */
public final class AccountActivation {

    static final BundleMetrics.Count ACTIVATIONS = new BundleMetrics.Count("ceres.activations",
            "Accounts activated: by the activation link, or signed up from an invitation link");

    private AccountActivation() {
    }

    public static void activate(KeycloakSession session, UserModel user) {
        user.setEmailVerified(true);
        user.removeRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
        PendingSignup.clear(user);
        BundleMetrics.keycloak().countOnCommit(session, ACTIVATIONS);
    }
}
