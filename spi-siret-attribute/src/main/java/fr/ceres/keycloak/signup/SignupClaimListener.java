package fr.ceres.keycloak.signup;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

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
    /**
     * The token traffic of a session already signed in: its sign-in ({@code LOGIN}) came first and claimed the
     * account, so these events are skipped, and a refresh costs no look-up of the account.
     */
    private static final Set<EventType> SIGNED_IN_TRAFFIC = EnumSet.of(EventType.CODE_TO_TOKEN,
            EventType.REFRESH_TOKEN, EventType.INTROSPECT_TOKEN, EventType.USER_INFO_REQUEST,
            EventType.TOKEN_EXCHANGE, EventType.LOGOUT, EventType.CLIENT_LOGIN);

    private final KeycloakSession session;

    SignupClaimListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getUserId() != null && event.getError() == null && !SIGNED_IN_TRAFFIC.contains(event.getType())) {
            clearIfClaimed(event.getRealmId(), event.getUserId(), event.getType() == EventType.LOGIN);
        }
    }

    /** An administrator's change to an account: {@code users/{id}} or under it. */
    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (event.getError() == null) {
            userOf(event.getResourcePath()).ifPresent(userId -> clearIfClaimed(event.getRealmId(), userId, false));
        }
    }

    /** The account an admin resource path is about: {@code users/{id}} or anything under it. */
    static Optional<String> userOf(String resourcePath) {
        if (resourcePath == null || !resourcePath.startsWith(USERS)) {
            return Optional.empty();
        }
        String id = resourcePath.substring(USERS.length()).split("/", 2)[0];
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    private void clearIfClaimed(String realmId, String userId, boolean signedIn) {
        RealmModel realm = realmId == null ? null : session.realms().getRealm(realmId);
        UserModel user = realm == null ? null : session.users().getUserById(realm, userId);
        if (user != null && (signedIn || user.isEmailVerified())) {
            PendingSignup.clear(user);
        }
    }

    @Override
    public void close() {
    }
}
