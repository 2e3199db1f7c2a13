package fr.ceres.keycloak.access.portal;

import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.access.invitation.InvitationOptions;
import fr.ceres.keycloak.common.PortalUrls;
import fr.ceres.keycloak.common.RealmPages;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Serves the portal's pages under {@code /realms/{realm}/ceres-portal/}: « Mes démarches » (see
 * {@link PortalResource}) and, under it, the centres' access pages, the access requests and the invitations.
 * Its options are the invitations' ({@link InvitationOptions}).
 */
public final class PortalResourceFactory extends RealmPages {

    private InvitationOptions invitations = InvitationOptions.defaults();

    @Override
    public String getId() {
        return PortalUrls.ID;
    }

    @Override
    protected Object resource(KeycloakSession session) {
        return new PortalResource(session, invitations);
    }

    @Override
    public void init(Config.Scope config) {
        invitations = InvitationOptions.read(config);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return InvitationOptions.metadata();
    }

    @Override
    protected Map<String, String> options() {
        return invitations.asInfo();
    }
}
