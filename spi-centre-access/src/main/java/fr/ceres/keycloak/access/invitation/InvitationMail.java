package fr.ceres.keycloak.access.invitation;

/**
 * What the invitation email template ({@code ceres-invitation.ftl} of the email theme) shows, as
 * attribute {@code ceresInvitation}. The expiry is given as Paris date and time, already formatted
 * in numbers (dd/MM/yyyy, HH:mm), so the template needs no time zone of its own. Getters, not a
 * record: FreeMarker reads bean properties.
 */
public final class InvitationMail {

    private final String inviter;
    private final String role;
    private final String company;
    private final String link;
    private final String expiryDate;
    private final String expiryTime;

    InvitationMail(String inviter, String role, String company, String link, String expiryDate, String expiryTime) {
        this.inviter = inviter;
        this.role = role;
        this.company = company;
        this.link = link;
        this.expiryDate = expiryDate;
        this.expiryTime = expiryTime;
    }

    /** The gestionnaire's first and last name. */
    public String getInviter() {
        return inviter;
    }

    /** The role's id: {@code gestionnaire} or {@code centre-agree}. */
    public String getRole() {
        return role;
    }

    /** The centre's raison sociale. */
    public String getCompany() {
        return company;
    }

    public String getLink() {
        return link;
    }

    public String getExpiryDate() {
        return expiryDate;
    }

    public String getExpiryTime() {
        return expiryTime;
    }
}
