package fr.ceres.keycloak.signup;

import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserManager;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * A sign-up nobody has claimed: an account the sign-up page made ({@link PendingSignup}) whose address was
 * never verified and that holds nothing anyone could miss. Only such an account may be removed: by the purge
 * once its activation time is over, or at once in favour of someone who proves they own its address (an
 * invitation link reached them there), since whoever made it may not own that address.
 *
 * <p>« Holds nothing » is read from what Keycloak itself records, so that it stays true whatever module or
 * administrator gave the account something: no organization membership (a centre), no group beyond the
 * realm's default ones (a habilitation is an organization group), no role beyond the realm's default ones, no link to an identity provider, no
 * session (online or offline), no credential but the sign-up's password. An accepted invitation or an
 * attached centre always leaves an organization membership, and needs a signed-in, hence verified, account.
 */
public final class UnclaimedSignup {

    private UnclaimedSignup() {
    }

    public static boolean is(KeycloakSession session, RealmModel realm, UserModel user) {
        return PendingSignup.isPending(user) && holdsNothing(session, realm, user);
    }

    /**
     * Removes the account if it is an unclaimed sign-up, and says whether it did. A sign-up that has been
     * claimed meanwhile (verified, or given something) loses its marker instead: it is a real account, and
     * never a candidate again.
     */
    public static boolean removeIfUnclaimed(KeycloakSession session, RealmModel realm, UserModel user) {
        if (is(session, realm, user)) {
            new UserManager(session).removeUser(realm, user);
            return true;
        }
        PendingSignup.clear(user);
        return false;
    }

    private static boolean holdsNothing(KeycloakSession session, RealmModel realm, UserModel user) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        Set<String> defaultGroups = realm.getDefaultGroupsStream().map(GroupModel::getId).collect(Collectors.toSet());
        return user.getGroupsStream().allMatch(group -> defaultGroups.contains(group.getId()))
                && (organizations == null || organizations.getByMember(user).findAny().isEmpty())
                && user.getRoleMappingsStream().allMatch(role -> role.getId().equals(realm.getDefaultRole().getId()))
                && session.users().getFederatedIdentitiesStream(realm, user).findAny().isEmpty()
                && session.sessions().getUserSessionsStream(realm, user).findAny().isEmpty()
                && session.sessions().getOfflineUserSessionsStream(realm, user).findAny().isEmpty()
                && user.credentialManager().getStoredCredentialsStream()
                        .allMatch(credential -> PasswordCredentialModel.TYPE.equals(credential.getType()));
    }
}
