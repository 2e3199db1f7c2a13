package fr.ceres.keycloak.access.request;

/**
 * What the answer to an access request ({@code ceres-access-decision.ftl} of the email theme) shows, as
 * attribute {@code ceresAccessDecision}: accepted with a role and a SIRET, or refused with an optional
 * reason. Getters, not a record: FreeMarker reads bean properties.
 */
public final class AccessDecisionMail {

    private final boolean accepted;
    private final String decider;
    private final String company;
    private final String role;
    private final String siret;
    private final String reason;
    private final String link;

    private AccessDecisionMail(boolean accepted, String decider, String company, String role, String siret,
            String reason, String link) {
        this.accepted = accepted;
        this.decider = decider;
        this.company = company;
        this.role = role;
        this.siret = siret;
        this.reason = reason;
        this.link = link;
    }

    static AccessDecisionMail accepted(String decider, String company, String role, String siret, String portal) {
        return new AccessDecisionMail(true, decider, company, role, siret, "", portal);
    }

    static AccessDecisionMail refused(String decider, String company, String reason) {
        return new AccessDecisionMail(false, decider, company, "", "", reason == null ? "" : reason, "");
    }

    public boolean isAccepted() {
        return accepted;
    }

    /** The gestionnaire's first and last name. */
    public String getDecider() {
        return decider;
    }

    public String getCompany() {
        return company;
    }

    /** The role's id ({@code gestionnaire} or {@code centre-agree}) when accepted, else empty. */
    public String getRole() {
        return role;
    }

    public String getSiret() {
        return siret;
    }

    /** The gestionnaire's reason for refusing; may be empty. */
    public String getReason() {
        return reason;
    }

    /** The portal page, when accepted. */
    public String getLink() {
        return link;
    }
}
