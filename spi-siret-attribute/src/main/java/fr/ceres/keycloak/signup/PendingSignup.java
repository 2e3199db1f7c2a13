package fr.ceres.keycloak.signup;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import fr.ceres.keycloak.common.FreeText;
import org.keycloak.authentication.actiontoken.verifyemail.VerifyEmailActionToken;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * An account created on the sign-up page and not activated yet.
 *
 * <p>Only accounts made by the sign-up page carry the marker, so that accounts created by an
 * administrator are never taken for abandoned sign-ups. Such an account lives as long as its
 * activation link: the realm's lifespan for {@code verify-email} action tokens (24 hours in
 * {@code realm-export.json}); after that it is removed, if unclaimed ({@link UnclaimedSignup}), and the
 * email can sign up again. The marker goes as soon as the account is claimed: activated by the bundle
 * ({@link AccountActivation}), verified or signed in by any other path ({@link SignupClaimListener}).
 */
final class PendingSignup {

    /** Unmanaged user attribute: not part of the user profile, never shown or editable. */
    static final String MARKER = "ceresSignupPending";

    private PendingSignup() {
    }

    static void mark(UserModel user) {
        user.setSingleAttribute(MARKER, Boolean.TRUE.toString());
    }

    /** Called once the account is activated, or found claimed in another way ({@link UnclaimedSignup}). */
    static void clear(UserModel user) {
        // Only when there: removing an attribute writes to the database and evicts the account from the cache.
        if (user.getFirstAttribute(MARKER) != null) {
            user.removeAttribute(MARKER);
        }
    }

    static boolean isPending(UserModel user) {
        return !user.isEmailVerified() && Boolean.parseBoolean(user.getFirstAttribute(MARKER));
    }

    static int lifespanSeconds(RealmModel realm) {
        return realm.getActionTokenGeneratedByUserLifespan(VerifyEmailActionToken.TOKEN_TYPE);
    }

    /** The instant, in seconds since the epoch, after which the account is abandoned. */
    static long deadline(RealmModel realm, UserModel user) {
        return user.getCreatedTimestamp() / 1000 + lifespanSeconds(realm);
    }

    /**
     * The not-yet-activated account of an email, if any. An abandoned one (its activation time is
     * over) is removed here rather than waiting for the purge, so the email can sign up again at once,
     * provided it is unclaimed ({@link UnclaimedSignup}).
     */
    static Optional<UserModel> find(KeycloakSession session, RealmModel realm, String email) {
        if (email == null || email.isBlank() || FreeText.hasHiddenCharacter(email, FreeText.Shape.LINE)) {
            // No account holds such an address (the profile refuses it), and it is not looked up: PostgreSQL
            // answers a NUL in text with an error.
            return Optional.empty();
        }
        UserModel user = session.users().getUserByEmail(realm, email.trim());
        if (user == null || !isPending(user)) {
            return Optional.empty();
        }
        if (deadline(realm, user) <= Time.currentTime()) {
            UnclaimedSignup.removeIfUnclaimed(session, realm, user);
            return Optional.empty();
        }
        return Optional.of(user);
    }

    /**
     * Pending accounts of the realm whose activation time is over, at most {@code max} of them: candidates
     * only, each to be checked by {@link UnclaimedSignup#removeIfUnclaimed}. Verified accounts are left out
     * here already, whatever path verified them.
     */
    static Stream<UserModel> abandoned(KeycloakSession session, RealmModel realm, int max) {
        long createdBeforeMillis = (Time.currentTime() - (long) lifespanSeconds(realm)) * 1000;
        Map<String, String> criteria = Map.of(
                UserModel.EMAIL_VERIFIED, Boolean.FALSE.toString(),
                UserModel.CREATED_BEFORE, Long.toString(createdBeforeMillis),
                MARKER, Boolean.TRUE.toString());
        return session.users().searchForUserStream(realm, criteria, 0, max);
    }
}
