package fr.ceres.keycloak.access.portal;

/**
 * The gear « Gérer les accès » of one centre the person manages, as {@code ceres-portal.ftl} reads it.
 */
public final class ManagedCentreLink {

    private final String centre;
    private final String centreName;
    private final String url;

    ManagedCentreLink(String centre, String centreName, String url) {
        this.centre = centre;
        this.centreName = centreName;
        this.url = url;
    }

    /** The centre's SIRET. */
    public String getCentre() {
        return centre;
    }

    public String getCentreName() {
        return centreName;
    }

    /** The centre's access page. */
    public String getUrl() {
        return url;
    }
}
