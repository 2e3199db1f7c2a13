package fr.ceres.keycloak.account;

import jakarta.ws.rs.core.UriInfo;

import fr.ceres.keycloak.centre.portal.PortalResourceFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/**
 * Where « Accéder au portail » leads once an account is active: the portal page « Mes démarches »,
 * whatever application the person signed up from, as in the procedure (the next step is to add a
 * démarche, such as Ceres, from there).
 */
final class PortalUrl {

    private PortalUrl() {
    }

    static String of(RealmModel realm, UriInfo uriInfo) {
        return Urls.realmBase(uriInfo.getBaseUri())
                .path(realm.getName()).path(PortalResourceFactory.PROVIDER_ID).path("/")
                .build().toString();
    }
}
