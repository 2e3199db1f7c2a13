package fr.ceres.keycloak.common;

import java.net.URI;

import org.keycloak.models.KeycloakUriInfo;

/**
 * The address a request asked for, as Keycloak's hostname settings name it ({@code --hostname}): the one to
 * send a browser back to, or to print. Keycloak resolves only the base of a {@link KeycloakUriInfo}: its
 * {@code getRequestUri()} and {@code getAbsolutePath()} are the request's own, with whatever Host reached the
 * node (its own address behind a proxy that passes no public Host), which the portal client's redirect URIs
 * do not cover and a browser outside may not reach. So the request's path and query are kept, still encoded,
 * and put under the resolved base.
 */
public final class RequestedUrl {

    private RequestedUrl() {
    }

    /** The address asked for, on the base Keycloak resolves for {@code uri}'s type (frontend, admin). */
    public static URI of(KeycloakUriInfo uri) {
        return moved(uri.getRequestUri(), uri.getDelegate().getBaseUri(), uri.getBaseUri());
    }

    /**
     * {@code requested}, which lies under {@code requestBase}, moved under {@code resolvedBase}; both bases end
     * with a slash, as Keycloak's do.
     */
    static URI moved(URI requested, URI requestBase, URI resolvedBase) {
        return resolvedBase.resolve(requestBase.relativize(requested));
    }
}
