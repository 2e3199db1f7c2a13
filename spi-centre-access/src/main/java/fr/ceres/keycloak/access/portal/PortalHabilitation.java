package fr.ceres.keycloak.access.portal;

import fr.ceres.keycloak.centre.habilitation.CeresRole;
import fr.ceres.keycloak.centre.habilitation.Habilitation;

/**
 * One line of the Ceres card, as {@code ceres-portal.ftl} reads it (JavaBean getters: what the
 * theme's FreeMarker wrapper exposes as properties).
 */
public final class PortalHabilitation {

    private final Habilitation habilitation;
    private final String centreName;

    PortalHabilitation(Habilitation habilitation, String centreName) {
        this.habilitation = habilitation;
        this.centreName = centreName;
    }

    public String getSiret() {
        return habilitation.siret();
    }

    /** The role's id, {@code gestionnaire} or {@code centre-agree}; the page words it from the messages. */
    public String getRole() {
        return habilitation.role().id();
    }

    public boolean isGestionnaire() {
        return habilitation.role() == CeresRole.GESTIONNAIRE;
    }

    /** The SIRET of the centre agréé (its Organization alias). */
    public String getCentre() {
        return habilitation.centre();
    }

    /** The centre's name (its Organization name), or its SIRET when the centre has no name. */
    public String getCentreName() {
        return centreName == null || centreName.isBlank() ? habilitation.centre() : centreName;
    }
}
