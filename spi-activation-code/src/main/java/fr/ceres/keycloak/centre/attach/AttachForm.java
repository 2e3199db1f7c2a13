package fr.ceres.keycloak.centre.attach;

/** The names of the attach page's form ({@code ceres-attach.ftl}). */
final class AttachForm {

    static final String TEMPLATE = "ceres-attach.ftl";
    static final String SIRET = "siret";
    static final String CODE = "code";
    /**
     * The « Plus tard » button. Keycloak itself cancels an application-initiated action on this
     * name; when the page was imposed at sign-in it reaches {@code processAction} instead.
     */
    static final String LEAVE = "cancel-aia";
    /** Template attribute: the SIRET as typed, shown again after a refusal (the code never is). */
    static final String SIRET_VALUE = "ceresSiret";

    private AttachForm() {
    }
}
