package fr.ceres.keycloak.signup;

import org.keycloak.models.UserModel;

/**
 * What every path that proves a person owns their account's address does to the account: the address is
 * verified, Keycloak no longer asks to verify it, and the account is no longer a pending sign-up (so the purge
 * of never-activated accounts leaves it alone). The activation link does it, and so does signing up from an
 * invitation link, which proved the address by reaching it.
 */
public final class AccountActivation {

    private AccountActivation() {
    }

    public static void activate(UserModel user) {
        user.setEmailVerified(true);
        user.removeRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
        PendingSignup.clear(user);
    }
}
