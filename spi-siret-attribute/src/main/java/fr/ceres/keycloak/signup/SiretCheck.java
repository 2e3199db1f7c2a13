package fr.ceres.keycloak.signup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.ceres.keycloak.siret.ProfileAttributes;
import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.CompanyRegisterProvider;
import fr.ceres.keycloak.siret.register.Establishment;
import fr.ceres.keycloak.siret.register.LookupResult;
import fr.ceres.keycloak.siret.register.RegisterPlaceholders;
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
 *
 * <p>A company field the register does not give (masked for an establishment in partial diffusion,
 * typically a sole trader) is never filled: the person is asked on the field to type it. A register's
 * mask typed or posted as a value ({@code [ND]}, {@code [NON-DIFFUSIBLE]}) is refused the same way, so it
 * is never stored.
 */
final class SiretCheck {

    private static final String STATUS_NOTE = "ceres.siretStatut";
    static final String TYPE_IT_MESSAGE = "ceresRegisterFieldMissing";
    private static final List<String> COMPANY_FIELDS =
            List.of(ProfileAttributes.RAISON_SOCIALE, ProfileAttributes.ADRESSE, ProfileAttributes.COMMUNE);

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
    private final List<FormMessage> errors;

    private SiretCheck(Status status, List<FormMessage> errors) {
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** Asks the register and fills the company fields the person left blank. */
    static SiretCheck run(KeycloakSession session, MultivaluedMap<String, String> form) {
        Optional<Siret> siret = Siret.parse(form.getFirst(ProfileAttributes.SIRET));
        if (siret.isEmpty()) {
            // Malformed: the profile's "siret" validator says so on the page.
            return new SiretCheck(null, List.of());
        }
        return of(session.getProvider(CompanyRegisterProvider.class).lookup(siret.get()), form);
    }

    /** The register's answer applied to the form: blanks filled, what is wrong said on its field. */
    static SiretCheck of(LookupResult result, MultivaluedMap<String, String> form) {
        if (result instanceof LookupResult.Found found) {
            Establishment establishment = found.establishment();
            if (!establishment.active()) {
                return new SiretCheck(Status.VERIFIED, List.of(new FormMessage(ProfileAttributes.SIRET, "ceresSiretClosed")));
            }
            fillBlanks(form, establishment);
            return new SiretCheck(Status.VERIFIED, fieldsToType(form, establishment.missingFields()));
        }
        if (result instanceof LookupResult.NotFound) {
            return new SiretCheck(Status.VERIFIED, List.of(new FormMessage(ProfileAttributes.SIRET, "ceresSiretUnknown")));
        }
        return new SiretCheck(Status.UNVERIFIED, fieldsToType(form, List.of()));
    }

    /** What is wrong, each on its field; empty when the sign-up may go on. */
    List<FormMessage> errors() {
        return errors;
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
        if (isBlank(form.getFirst(field)) && !registerValue.isEmpty()) {
            form.putSingle(field, registerValue);
        }
    }

    /** The company fields still blank that the register did not give, and any holding a register's mask. */
    private static List<FormMessage> fieldsToType(MultivaluedMap<String, String> form, List<String> notGiven) {
        List<FormMessage> errors = new ArrayList<>();
        for (String field : COMPANY_FIELDS) {
            String value = form.getFirst(field);
            if (RegisterPlaceholders.masks(value) || (notGiven.contains(field) && isBlank(value))) {
                errors.add(new FormMessage(field, TYPE_IT_MESSAGE));
            }
        }
        return errors;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
