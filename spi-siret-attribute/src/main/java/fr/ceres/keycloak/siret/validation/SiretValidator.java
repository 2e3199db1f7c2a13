package fr.ceres.keycloak.siret.validation;

import fr.ceres.keycloak.profile.FormatValidator;
import fr.ceres.keycloak.siret.Siret;

/**
 * User-profile validator {@code siret}: the value must be a SIRET that {@link Siret#parse} accepts
 * (14 digits, spaces allowed, valid checksum). It does not ask the company register: that belongs
 * to the registration form action, which can tell "unknown" from "register down".
 */
public final class SiretValidator extends FormatValidator {

    public static final String PROVIDER_ID = "siret";
    public static final String MESSAGE_INVALID_SIRET = "ceresInvalidSiret";

    public SiretValidator() {
        super(PROVIDER_ID, MESSAGE_INVALID_SIRET,
                "French establishment number (SIRET): 14 digits with a valid checksum; spaces are allowed.",
                raw -> Siret.parse(raw).isPresent());
    }
}
