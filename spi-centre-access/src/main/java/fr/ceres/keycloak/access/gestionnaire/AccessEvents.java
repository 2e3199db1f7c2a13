package fr.ceres.keycloak.access.gestionnaire;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.ceres.keycloak.access.store.AccessMetrics;
import fr.ceres.keycloak.access.store.AccessRequest;
import fr.ceres.keycloak.access.store.Invitation;
import fr.ceres.keycloak.centre.habilitation.CeresRole;
import fr.ceres.keycloak.centre.habilitation.Habilitation;
import fr.ceres.keycloak.common.PortalUrls;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * The admin events of a gestionnaire's actions on their centre: resource type
 * {@code ORGANIZATION_MEMBERSHIP} on the paths Keycloak's own Organization endpoints use
 * ({@code organizations/<id>/members/<user>}, and {@code …/invitations/<id>} for ours), so the admin
 * console lists them beside Keycloak's; the author is the gestionnaire, through the portal's client.
 * The representation says what was done, never a link or a token.
 */
public final class AccessEvents {

    private final KeycloakSession session;
    private final AdminEventBuilder adminEvent;
    private final ManagedCentre centre;

    public AccessEvents(KeycloakSession session, Gestionnaire gestionnaire) {
        RealmModel realm = session.getContext().getRealm();
        AdminAuth author = new AdminAuth(realm, gestionnaire.signedIn().token(), gestionnaire.user(),
                realm.getClientByClientId(PortalUrls.ID));
        this.session = session;
        this.adminEvent = new AdminEventBuilder(realm, author, session, session.getContext().getConnection());
        this.centre = gestionnaire.centre();
    }

    public void invited(Invitation invitation) {
        invitation(OperationType.CREATE, "invite", invitation);
        AccessMetrics.invitationSent(session);
    }

    public void resent(Invitation invitation) {
        invitation(OperationType.UPDATE, "resend", invitation);
    }

    public void cancelled(Invitation invitation) {
        invitation(OperationType.DELETE, "cancel", invitation);
    }

    public void changed(UserModel user, String fromSiret, CeresRole fromRole, String toSiret, CeresRole toRole) {
        Map<String, Object> what = what("change", toSiret, toRole, user.getEmail(), null);
        what.put("fromSiret", fromSiret);
        what.put("fromRole", fromRole.id());
        member(OperationType.UPDATE, user, what);
    }

    public void revoked(UserModel user, String siret, CeresRole role) {
        member(OperationType.DELETE, user, what("revoke", siret, role, user.getEmail(), null));
    }

    /** An access request accepted: the person is given the habilitation, like a member added. */
    public void requestAccepted(UserModel user, AccessRequest request, Habilitation granted) {
        member(OperationType.CREATE, user,
                what("accept-request", granted.siret(), granted.role(), user.getEmail(), request.id()));
        AccessMetrics.requestAccepted(session);
    }

    public void requestRefused(AccessRequest request, String reason) {
        Map<String, Object> what = what("refuse-request", null, null, request.email(), request.id());
        what.put("reason", reason);
        adminEvent.operation(OperationType.DELETE)
                .resource(ResourceType.ORGANIZATION_MEMBERSHIP)
                .resourcePath("organizations", centre.organization().getId(), "invitations", request.id())
                .representation(what)
                .success();
        AccessMetrics.requestRefused(session);
    }

    private void invitation(OperationType operation, String action, Invitation invitation) {
        adminEvent.operation(operation)
                .resource(ResourceType.ORGANIZATION_MEMBERSHIP)
                .resourcePath("organizations", centre.organization().getId(), "invitations", invitation.id())
                .representation(what(action, invitation.siret(), invitation.role(), invitation.email(), invitation.id()))
                .success();
    }

    private void member(OperationType operation, UserModel user, Map<String, Object> what) {
        adminEvent.operation(operation)
                .resource(ResourceType.ORGANIZATION_MEMBERSHIP)
                .resourcePath("organizations", centre.organization().getId(), "members", user.getId())
                .representation(what)
                .success();
    }

    private Map<String, Object> what(String action, String siret, CeresRole role, String email, String invitation) {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("action", action);
        what.put("centre", centre.siret());
        what.put("siret", siret);
        what.put("role", role == null ? null : role.id());
        what.put("email", email);
        if (invitation != null) {
            what.put("invitation", invitation);
        }
        return what;
    }
}
