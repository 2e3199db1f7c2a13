package fr.ceres.keycloak.centre.portal;

import java.net.URI;

import org.keycloak.common.util.KeycloakUriBuilder;

/**
 * The one place that knows the shape of the portal's addresses, {@code /realms/{realm}/ceres-portal/…}:
 * the portal page (as registered on the client {@code ceres-portal}), the access and invitation pages,
 * and what letters and emails print. Built with {@link KeycloakUriBuilder}, so code without a JAX-RS
 * runtime (unit tests, letters) can use it too.
 */
public final class PortalUrls {

    private PortalUrls() {
    }

    /** The portal page « Mes démarches »: {@code {base}/realms/{realm}/ceres-portal/}. */
    public static URI portal(URI baseUri, String realm) {
        return KeycloakUriBuilder.fromUri(under(baseUri, realm)).path("/").build();
    }

    /** An address under the portal, e.g. {@code under(base, realm, "acces", siret)}; each segment is encoded. */
    public static URI under(URI baseUri, String realm, String... segments) {
        KeycloakUriBuilder url = KeycloakUriBuilder.fromUri(baseUri).path("realms/{realm}/" + PortalResourceFactory.PROVIDER_ID);
        Object[] values = new Object[segments.length + 1];
        values[0] = realm;
        for (int i = 0; i < segments.length; i++) {
            url.path("{segment" + i + "}");
            values[i + 1] = segments[i];
        }
        return url.build(values);
    }
}
