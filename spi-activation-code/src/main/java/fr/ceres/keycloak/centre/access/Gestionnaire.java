package fr.ceres.keycloak.centre.access;

import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * The signed-in gestionnaire acting on one of their centres, once {@link AccessGate} has let them in.
 *
 * @param signedIn who is signed in, from Keycloak's identity cookie
 * @param centre   the centre they act on
 */
record Gestionnaire(AuthResult signedIn, ManagedCentre centre) {

    UserModel user() {
        return signedIn.user();
    }

    UserSessionModel userSession() {
        return signedIn.session();
    }

    /** How the invitation names its author. */
    String displayName() {
        return PersonName.of(user());
    }
}
