package fr.ceres.keycloak.centre.admin;

import fr.ceres.keycloak.centre.letter.ActivationLetter;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

final class CeresAdminResourceProvider implements AdminRealmResourceProvider {

    private final CeresAdminOptions options;
    private final ActivationLetter letter;

    CeresAdminResourceProvider(CeresAdminOptions options, ActivationLetter letter) {
        this.options = options;
        this.letter = letter;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        return new CeresAdminResource(
                new AgentRequest(session, realm, new AgentAccess(realm, auth), adminEvent, options, letter));
    }

    @Override
    public void close() {
    }
}
