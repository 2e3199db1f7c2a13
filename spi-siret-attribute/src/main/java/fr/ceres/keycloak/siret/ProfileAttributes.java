package fr.ceres.keycloak.siret;

/**
 * Names of the user-profile attributes the realm declares. They are a contract
 * with relying applications and administrators: do not rename them.
 */
public final class ProfileAttributes {

    public static final String CIVILITE = "civilite";
    public static final String TELEPHONE = "telephone";
    public static final String SIRET = "siret";
    public static final String RAISON_SOCIALE = "raisonSociale";
    public static final String ADRESSE = "adresse";
    public static final String COMMUNE = "commune";
    /** Administrator-only: whether the SIRET was checked in the register at sign-up. */
    public static final String SIRET_STATUT = "siretStatut";

    private ProfileAttributes() {
    }
}
