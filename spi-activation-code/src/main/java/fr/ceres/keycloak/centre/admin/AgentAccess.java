package fr.ceres.keycloak.centre.admin;

import jakarta.ws.rs.ForbiddenException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Who may use the agents' API: a DREETS agent, that is a user of the realm itself holding its realm
 * role {@value #AGENT_ROLE}, or whoever may manage the realm (its own administrators, the master realm's admins).
 * Everyone else gets 403. A caller without a valid token never gets here: Keycloak's admin root answers 401.
 *
 * <p>The one place every endpoint goes through ({@link CeresAdminResource#centres()}).
 */
final class AgentAccess {

    static final String AGENT_ROLE = "ceres-agent";

    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    AgentAccess(RealmModel realm, AdminPermissionEvaluator auth) {
        this.realm = realm;
        this.auth = auth;
    }

    /** Throws 403 unless the caller is an agent of this realm or may manage it. */
    void require() {
        if (!allowed()) {
            throw new ForbiddenException();
        }
    }

    boolean allowed() {
        return isAgent() || auth.realm().canManageRealm();
    }

    /** The calling user, for "issued by". */
    UserModel user() {
        return auth.adminAuth().getUser();
    }

    /**
     * The role must be this realm's: a user of another realm (say master) with a role of the same name is no agent
     * here. {@link AdminAuth#hasRealmRole} also requires the role to be in the token's client scope, so a client
     * that does not carry the role cannot act as an agent.
     */
    private boolean isAgent() {
        AdminAuth caller = auth.adminAuth();
        return caller.getRealm() != null && realm.getId().equals(caller.getRealm().getId())
                && caller.hasRealmRole(AGENT_ROLE);
    }
}
