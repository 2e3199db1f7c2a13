package fr.ceres.keycloak.common;

import java.net.URI;

import org.keycloak.common.util.KeycloakUriBuilder;

/**
 * The one place that knows the shape of the portal's addresses, {@code /realms/{realm}/ceres-portal/…}: the
 * portal page « Mes démarches », a centre's access page, the invitation page, and the access-request form.
 * Everything that prints or serves them uses it: the activation page, the letters, the emails and the
 * portal's own router. Built with {@link KeycloakUriBuilder}, so code without a JAX-RS runtime (unit tests,
 * letters) can use it too.
 */
public final class PortalUrls {

    /**
     * The portal's realm resource id, hence the first segment of its addresses, and also the id of the public
     * client the portal signs people in with (its redirect URIs cover every address under the portal).
     */
    public static final String ID = "ceres-portal";
    /** {@code acces/{centre SIRET}}: a centre's access page. */
    public static final String ACCESS = "acces";
    /** {@code invitation?key=…}: the invitee's page. */
    public static final String INVITATION = "invitation";
    /** {@code demande}: where « Demander l'accès » posts. */
    public static final String REQUEST = "demande";
    /** {@code accessibilite}: the accessibility statement, public. */
    public static final String ACCESSIBILITY = "accessibilite";

    private PortalUrls() {
    }

    /** The portal page « Mes démarches »: {@code {base}/realms/{realm}/ceres-portal/}. */
    public static URI portal(URI baseUri, String realm) {
        return KeycloakUriBuilder.fromUri(under(baseUri, realm)).path("/").build();
    }

    /** A centre's access page: {@code {base}/realms/{realm}/ceres-portal/acces/{centre}}. */
    public static URI accessPage(URI baseUri, String realm, String centre) {
        return under(baseUri, realm, ACCESS, centre);
    }

    /** An address under the portal, e.g. {@code under(base, realm, ACCESS, siret)}; each segment is encoded. */
    public static URI under(URI baseUri, String realm, String... segments) {
        KeycloakUriBuilder url = KeycloakUriBuilder.fromUri(baseUri).path("realms/{realm}/" + ID);
        Object[] values = new Object[segments.length + 1];
        values[0] = realm;
        for (int i = 0; i < segments.length; i++) {
            url.path("{segment" + i + "}");
            values[i + 1] = segments[i];
        }
        return url.build(values);
    }
}
