package fr.ceres.keycloak.access.portal;

import java.util.List;

import fr.ceres.keycloak.access.request.AccessRequests;

/**
 * What {@code ceres-portal.ftl} shows, under the attribute {@code ceresPortal}.
 *
 * <p>{@code managedCentres}: one gear « Gérer les accès » per centre the person is gestionnaire of,
 * leading to that centre's access page. {@code requests}: the centres the person may ask
 * to join, and {@code notice} what their last request came to.
 */
public final class PortalPage {

    private final String firstName;
    private final String lastName;
    private final List<PortalHabilitation> habilitations;
    private final List<ManagedCentreLink> managedCentres;
    private final String ceresUrl;
    private final String attachUrl;
    private final String logoutUrl;
    private final Requests requests;
    private final String notice;

    PortalPage(String firstName, String lastName, List<PortalHabilitation> habilitations, List<ManagedCentreLink> managedCentres,
            String ceresUrl, String attachUrl, String logoutUrl, Requests requests, String notice) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.habilitations = habilitations;
        this.managedCentres = managedCentres;
        this.ceresUrl = ceresUrl;
        this.attachUrl = attachUrl;
        this.logoutUrl = logoutUrl;
        this.requests = requests;
        this.notice = notice;
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

    /** Whether the person is gestionnaire of at least one centre: they get a gear per centre. */
    public boolean isGestionnaire() {
        return !managedCentres.isEmpty();
    }

    public List<ManagedCentreLink> getManagedCentres() {
        return managedCentres;
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

    public Requests getRequests() {
        return requests;
    }

    /** What the last « Demander l'accès » came to, as a word the template turns into a message; null: nothing. */
    public String getNotice() {
        return notice;
    }

    /** The card « Demander l'accès »: the centres of the person's company they may ask to join. */
    public static final class Requests {

        private final List<AccessRequests.RequestableCentre> centres;
        private final String url;
        private final String csrf;

        Requests(List<AccessRequests.RequestableCentre> centres, String url, String csrf) {
            this.centres = centres;
            this.url = url;
            this.csrf = csrf;
        }

        /** Each with its SIRET, name and whether the person's request is pending; empty: no card. */
        public List<AccessRequests.RequestableCentre> getCentres() {
            return centres;
        }

        /** Where the forms post. */
        public String getUrl() {
            return url;
        }

        /** The forms' hidden anti-forgery field; null when there is no form. */
        public String getCsrf() {
            return csrf;
        }
    }
}
