package fr.ceres.keycloak.signup;

import java.util.Optional;

import fr.ceres.keycloak.siret.ProfileAttributes;
import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.CompanyRegisterProvider;
import fr.ceres.keycloak.siret.register.Establishment;
import fr.ceres.keycloak.siret.register.LookupResult;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The company register's word on the SIRET of a sign-up.
 *
 * <p>Failure policy: when the register cannot be asked (down, slow, rate-limited), the sign-up is
 * not refused: the SIRET is accepted on its checksum alone, the person types raison sociale,
 * adresse and commune themselves (the profile requires them), and the account is stored with
 * {@code siretStatut=non-verifie} so administrators can find and check it later.
 */
final class SiretCheck {

    private static final String STATUS_NOTE = "ceres.siretStatut";

    enum Status {
        VERIFIED("verifie"), UNVERIFIED("non-verifie");

        private final String value;

        Status(String value) {
            this.value = value;
        }

        void storeOn(UserModel user) {
            user.setSingleAttribute(ProfileAttributes.SIRET_STATUT, value);
        }

        static Optional<Status> of(String value) {
            for (Status status : values()) {
                if (status.value.equals(value)) {
                    return Optional.of(status);
                }
            }
            return Optional.empty();
        }
    }

    private final Status status;
    private final FormMessage error;

    private SiretCheck(Status status, FormMessage error) {
        this.status = status;
        this.error = error;
    }

    /** Asks the register and fills the company fields the person left blank. */
    static SiretCheck run(KeycloakSession session, MultivaluedMap<String, String> form) {
        Optional<Siret> siret = Siret.parse(form.getFirst(ProfileAttributes.SIRET));
        if (siret.isEmpty()) {
            // Malformed: the profile's "siret" validator says so on the page.
            return new SiretCheck(null, null);
        }
        LookupResult result = session.getProvider(CompanyRegisterProvider.class).lookup(siret.get());
        if (result instanceof LookupResult.Found found) {
            Establishment establishment = found.establishment();
            if (!establishment.active()) {
                return new SiretCheck(Status.VERIFIED, new FormMessage(ProfileAttributes.SIRET, "ceresSiretClosed"));
            }
            fillBlanks(form, establishment);
            return new SiretCheck(Status.VERIFIED, null);
        }
        if (result instanceof LookupResult.NotFound) {
            return new SiretCheck(Status.VERIFIED, new FormMessage(ProfileAttributes.SIRET, "ceresSiretUnknown"));
        }
        return new SiretCheck(Status.UNVERIFIED, null);
    }

    Optional<FormMessage> error() {
        return Optional.ofNullable(error);
    }

    /** Keeps the status for the account's creation, which happens in a later step of the request. */
    void recordOn(AuthenticationSessionModel authSession) {
        if (status == null) {
            authSession.removeAuthNote(STATUS_NOTE);
        } else {
            authSession.setAuthNote(STATUS_NOTE, status.value);
        }
    }

    static Optional<Status> recordedStatus(AuthenticationSessionModel authSession) {
        return Optional.ofNullable(authSession.getAuthNote(STATUS_NOTE)).flatMap(Status::of);
    }

    private static void fillBlanks(MultivaluedMap<String, String> form, Establishment establishment) {
        fillBlank(form, ProfileAttributes.RAISON_SOCIALE, establishment.raisonSociale());
        fillBlank(form, ProfileAttributes.ADRESSE, establishment.adresse());
        fillBlank(form, ProfileAttributes.COMMUNE, establishment.commune());
    }

    private static void fillBlank(MultivaluedMap<String, String> form, String field, String registerValue) {
        String typed = form.getFirst(field);
        if ((typed == null || typed.isBlank()) && registerValue != null) {
            form.putSingle(field, registerValue);
        }
    }
}
