package fr.ceres.keycloak.centre.portal;

import java.util.List;

/**
 * What {@code ceres-portal.ftl} shows, under the attribute {@code ceresPortal}.
 *
 * <p>{@code manageAccessUrl} is not here yet: the gear « Gérer les accès » of a gestionnaire is a
 * placeholder until the access page of flow F3 (issue 4) exists; it will hang there.
 */
public final class PortalPage {

    private final String firstName;
    private final String lastName;
    private final List<PortalHabilitation> habilitations;
    private final boolean gestionnaire;
    private final String ceresUrl;
    private final String attachUrl;
    private final String logoutUrl;

    PortalPage(String firstName, String lastName, List<PortalHabilitation> habilitations, boolean gestionnaire,
            String ceresUrl, String attachUrl, String logoutUrl) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.habilitations = habilitations;
        this.gestionnaire = gestionnaire;
        this.ceresUrl = ceresUrl;
        this.attachUrl = attachUrl;
        this.logoutUrl = logoutUrl;
    }

    public String getFirstName() {
        return firstName == null ? "" : firstName;
    }

    public String getLastName() {
        return lastName == null ? "" : lastName;
    }

    public List<PortalHabilitation> getHabilitations() {
        return habilitations;
    }

    /** Whether the person is gestionnaire of at least one SIRET: they get the gear. */
    public boolean isGestionnaire() {
        return gestionnaire;
    }

    /** Ceres's home page, or null (the card then has no link). */
    public String getCeresUrl() {
        return ceresUrl;
    }

    /** Starts « Rattacher le service Ceres » as an application-initiated action, back to the portal. */
    public String getAttachUrl() {
        return attachUrl;
    }

    public String getLogoutUrl() {
        return logoutUrl;
    }
}
