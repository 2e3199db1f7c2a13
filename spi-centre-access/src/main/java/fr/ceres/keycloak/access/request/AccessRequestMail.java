package fr.ceres.keycloak.access.request;

import fr.ceres.keycloak.access.web.DeclaredIdentity;

/**
 * What the email to a centre's gestionnaires about an access request ({@code ceres-access-request.ftl}
 * of the email theme) shows, as attribute {@code ceresAccessRequest}. Getters, not a record: FreeMarker
 * reads bean properties.
 */
public final class AccessRequestMail {

    private final String requester;
    private final String requesterEmail;
    private final DeclaredIdentity declared;
    private final String company;
    private final String link;

    AccessRequestMail(String requester, String requesterEmail, DeclaredIdentity declared, String company, String link) {
        this.requester = requester;
        this.requesterEmail = requesterEmail;
        this.declared = declared;
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
        return declared.getSiret();
    }

    /** What the person declares next to what is known: the SIRET's status, the email's domain. */
    public DeclaredIdentity getDeclared() {
        return declared;
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
