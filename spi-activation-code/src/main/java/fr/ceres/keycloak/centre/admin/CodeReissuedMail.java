package fr.ceres.keycloak.centre.admin;

/**
 * What the email to a centre's gestionnaires about the re-issue of its code ({@code ceres-code-reissued.ftl} of the
 * email theme) shows, as attribute {@code ceresCodeReissued}. Getters, not a record: FreeMarker reads bean
 * properties.
 */
public final class CodeReissuedMail {

    private final String centre;
    private final String siret;
    private final String reason;
    private final String when;
    private final String portal;

    CodeReissuedMail(String centre, String siret, String reason, String when, String portal) {
        this.centre = centre;
        this.siret = siret;
        this.reason = reason;
        this.when = when;
        this.portal = portal;
    }

    /** The centre's raison sociale. */
    public String getCentre() {
        return centre;
    }

    public String getSiret() {
        return siret;
    }

    /** The agent's reason, as typed (checked by {@link ReissueReason}). */
    public String getReason() {
        return reason;
    }

    /** Date and time of the re-issue, in metropolitan France. */
    public String getWhen() {
        return when;
    }

    /** The portal, where the gestionnaire sees the centre's people. */
    public String getPortal() {
        return portal;
    }
}
