package fr.ceres.keycloak.centre.admin;

import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.centre.Centre;
import fr.ceres.keycloak.centre.Centres;
import fr.ceres.keycloak.centre.TypedCompany;
import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.CompanyRegisterProvider;
import fr.ceres.keycloak.siret.register.Establishment;
import fr.ceres.keycloak.siret.register.LookupResult;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;

/**
 * Registers a centre after asking the company register, for the single endpoint and the CSV import alike.
 *
 * <p>Fail-closed: when the register cannot be asked, nothing is registered. Unlike the sign-up (fail-open, a person
 * must not be locked out), registering a centre is an agent's deliberate act that can wait, and a centre whose
 * name and address nobody checked would print a letter to an unverified address.
 *
 * <p>The register's fields win; what it does not publish (masked for an establishment in partial diffusion,
 * typically a sole trader) is taken from what the agent typed, and a centre lacking any of raison sociale, adresse
 * and commune is refused with the fields to type: a register's placeholder never becomes a centre's name or
 * address.
 */
final class CentreRegistration {

    /** What became of a registration: the centre, or why not. */
    sealed interface Result {
    }

    record Registered(Centre centre) implements Result {
    }

    record Refused(ApiError error) implements Result {
    }

    /**
     * Another request registered the same SIRET at the same moment: the database refused this one and the request's
     * transaction is marked to roll back, so nothing more may be written in it (a bulk import must stop).
     */
    record Conflict(ApiError error) implements Result {
    }

    private final KeycloakSession session;
    private final Centres centres;

    CentreRegistration(KeycloakSession session, Centres centres) {
        this.session = session;
        this.centres = centres;
    }

    /**
     * Linked sites, the approval reference and the typed fields are already checked; the SIRET must not be
     * registered yet.
     */
    Result register(Siret siret, String referenceAgrement, List<Siret> sitesLies, TypedCompany typed) {
        LookupResult lookup = session.getProvider(CompanyRegisterProvider.class).lookup(siret);
        if (lookup instanceof LookupResult.NotFound) {
            return refused(422, "unknown_siret", "SIRET inconnu du répertoire des entreprises", siret);
        }
        if (lookup instanceof LookupResult.Unavailable) {
            return refused(503, "register_unavailable",
                    "le répertoire des entreprises ne répond pas : réessayez plus tard", siret);
        }
        LookupResult.Found found = (LookupResult.Found) lookup;
        if (!found.establishment().active()) {
            return refused(422, "closed_establishment",
                    "établissement fermé selon le répertoire des entreprises", siret);
        }
        Establishment establishment = typed.complete(found.establishment());
        List<String> missing = establishment.missingFields();
        if (!missing.isEmpty()) {
            return new Refused(new ApiError(422, "company_fields_missing", "Le répertoire des entreprises ne publie"
                    + " pas " + TypedCompany.labels(missing) + " de cet établissement : saisissez-les pour"
                    + " l'enregistrer.", Map.of("siret", siret.value(), "missing", String.join(",", missing))));
        }
        try {
            return new Registered(centres.register(establishment, siret, referenceAgrement, sitesLies));
        } catch (ModelDuplicateException e) {
            // Another request registered it between our check and now. The failed flush has doomed the transaction
            // (Hibernate marks the JTA transaction for rollback): tell Keycloak's transaction manager so the request
            // ends in a clean rollback.
            session.getTransactionManager().setRollbackOnly();
            return new Conflict(new ApiError(409, "centre_exists", "Ce centre vient d'être enregistré par une autre"
                    + " demande.", Map.of("siret", siret.value())));
        }
    }

    private static Refused refused(int status, String error, String description, Siret siret) {
        return new Refused(new ApiError(status, error, description, Map.of("siret", siret.value())));
    }
}
