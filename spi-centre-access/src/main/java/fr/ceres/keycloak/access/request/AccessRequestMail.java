package fr.ceres.keycloak.access.request;

/**
 * What the email to a centre's gestionnaires about an access request ({@code ceres-access-request.ftl}
 * of the email theme) shows, as attribute {@code ceresAccessRequest}. Getters, not a record: FreeMarker
 * reads bean properties.
 */
public final class AccessRequestMail {

    private final String requester;
    private final String requesterEmail;
    private final String requesterSiret;
    private final String company;
    private final String link;

    AccessRequestMail(String requester, String requesterEmail, String requesterSiret, String company, String link) {
        this.requester = requester;
        this.requesterEmail = requesterEmail;
        this.requesterSiret = requesterSiret;
        this.company = company;
        this.link = link;
    }

    /** The first and last name of the person asking. */
    public String getRequester() {
        return requester;
    }

    public String getRequesterEmail() {
        return requesterEmail;
    }

    /** The SIRET of the asking person's account, of the centre's company. */
    public String getRequesterSiret() {
        return requesterSiret;
    }

    /** The centre's raison sociale. */
    public String getCompany() {
        return company;
    }

    /** The centre's access page, where the gestionnaire decides. */
    public String getLink() {
        return link;
    }
}
