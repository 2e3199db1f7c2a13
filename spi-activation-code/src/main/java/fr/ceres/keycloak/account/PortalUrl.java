package fr.ceres.keycloak.account;

import jakarta.ws.rs.core.UriInfo;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;
import org.keycloak.services.util.ResolveRelative;

/** Where "Accéder au portail" leads once an account is active. */
final class PortalUrl {

    private PortalUrl() {
    }

    /**
     * The home page of the application the person signed up from, when it declares one; the
     * account console otherwise.
     */
    static String of(KeycloakSession session, RealmModel realm, ClientModel client, UriInfo uriInfo) {
        if (client != null && client.getBaseUrl() != null && !client.getBaseUrl().isBlank()) {
            return ResolveRelative.resolveRelativeUri(session, client.getRootUrl(), client.getBaseUrl());
        }
        return Urls.accountBase(uriInfo.getBaseUri()).path("/").build(realm.getName()).toString();
    }
}
