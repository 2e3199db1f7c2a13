package fr.ceres.keycloak.signup;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Takes the pending sign-up marker off an account as soon as it is claimed by any path, not only the
 * bundle's activation link: its address verified (by an administrator, Keycloak's own flows, an identity
 * provider…) or a sign-in. Without this, an account verified another way kept its marker, and if it was
 * ever marked unverified again the purge removed it, whatever it held.
 *
 * <p>Success events only (an error's type ends in {@code _ERROR}); they reach listeners inside the request's
 * transaction, so the marker goes with the change that claimed the account, or not at all.
 */
final class SignupClaimListener implements EventListenerProvider {

    private static final String USERS = "users/";

    private final KeycloakSession session;

    SignupClaimListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getUserId() != null && event.getError() == null) {
            clearIfClaimed(event.getRealmId(), event.getUserId(), event.getType() == EventType.LOGIN);
        }
    }

    /** An administrator's change to an account: {@code users/{id}} or under it. */
    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        String path = event.getResourcePath();
        if (event.getError() == null && path != null && path.startsWith(USERS)) {
            String rest = path.substring(USERS.length());
            int slash = rest.indexOf('/');
            clearIfClaimed(event.getRealmId(), slash < 0 ? rest : rest.substring(0, slash), false);
        }
    }

    private void clearIfClaimed(String realmId, String userId, boolean signedIn) {
        RealmModel realm = realmId == null ? null : session.realms().getRealm(realmId);
        UserModel user = realm == null || userId.isEmpty() ? null : session.users().getUserById(realm, userId);
        if (user != null && user.getFirstAttribute(PendingSignup.MARKER) != null
                && (signedIn || user.isEmailVerified())) {
            PendingSignup.clear(user);
        }
    }

    @Override
    public void close() {
    }
}
