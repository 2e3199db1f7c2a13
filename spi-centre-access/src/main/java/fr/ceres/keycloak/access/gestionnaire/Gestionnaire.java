package fr.ceres.keycloak.access.gestionnaire;

import fr.ceres.keycloak.access.store.Actor;
import fr.ceres.keycloak.access.web.PersonName;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * The signed-in gestionnaire acting on one of their centres, once {@link AccessGate} has let them in.
 *
 * @param signedIn who is signed in, from Keycloak's identity cookie
 * @param centre   the centre they act on
 */
public record Gestionnaire(AuthResult signedIn, ManagedCentre centre) {

    public UserModel user() {
        return signedIn.user();
    }

    public UserSessionModel userSession() {
        return signedIn.session();
    }

    /** How invitations and decisions name their author. */
    public String displayName() {
        return PersonName.of(user());
    }

    /** The gestionnaire as the invitations and requests they act on record them. */
    public Actor actor() {
        return new Actor(user().getId(), displayName());
    }
}
