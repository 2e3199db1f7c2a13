package fr.ceres.keycloak.siret.register.sirene;

import static fr.ceres.keycloak.siret.register.JsonFields.joinNonBlank;
import static fr.ceres.keycloak.siret.register.JsonFields.text;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.Establishment;
import fr.ceres.keycloak.siret.register.LookupResult;
import fr.ceres.keycloak.siret.register.remote.UpstreamHttp.Answer;

/**
 * Reads {@code {"etablissement":{"siret", "uniteLegale":{…}, "adresseEtablissement":{…},
 * "periodesEtablissement":[{"dateFin", "etatAdministratifEtablissement"}, …]}}}. Type-of-way
 * abbreviations ("BD", "AV") are kept as INSEE gives them.
 */
final class EtablissementAnswer {

    private static final int OK = 200;
    private static final int NOT_FOUND = 404;
    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;
    private static final String ACTIVE = "A";

    private EtablissementAnswer() {
    }

    static LookupResult read(Answer answer, Siret siret) throws JsonProcessingException {
        return switch (answer.status()) {
            case OK -> found(answer.json().path("etablissement"), siret);
            case NOT_FOUND -> new LookupResult.NotFound();
            case UNAUTHORIZED, FORBIDDEN ->
                    new LookupResult.Unavailable("answered " + answer.status() + ": is the api-key valid and subscribed?");
            default -> new LookupResult.Unavailable("answered " + answer.status());
        };
    }

    private static LookupResult found(JsonNode etablissement, Siret siret) {
        if (!siret.value().equals(text(etablissement, "siret"))) {
            return new LookupResult.Unavailable("unexpected answer: not about the SIRET asked");
        }
        String raisonSociale = legalName(etablissement.path("uniteLegale"));
        JsonNode state = currentPeriod(etablissement.path("periodesEtablissement"));
        if (raisonSociale == null || state == null) {
            return new LookupResult.Unavailable("unexpected answer: no legal name or no period");
        }
        JsonNode address = etablissement.path("adresseEtablissement");
        String street = joinNonBlank(text(address, "numeroVoieEtablissement"), text(address, "indiceRepetitionEtablissement"),
                text(address, "typeVoieEtablissement"), text(address, "libelleVoieEtablissement"));
        if (street == null) {
            // Addresses such as "ZONE ARTISANALE" have no numbered way, only a complement.
            street = text(address, "complementAdresseEtablissement");
        }
        String commune = joinNonBlank(text(address, "codePostalEtablissement"), text(address, "libelleCommuneEtablissement"));
        boolean active = ACTIVE.equals(text(state, "etatAdministratifEtablissement"));
        // The sign-up form pre-fills these fields: unknown is empty, not null.
        return new LookupResult.Found(new Establishment(siret.value(), raisonSociale,
                requireNonNullElse(street, ""), requireNonNullElse(commune, ""), active));
    }

    /** A company's denomination, or a sole trader's first name and (usage or birth) name. */
    private static String legalName(JsonNode uniteLegale) {
        String denomination = text(uniteLegale, "denominationUniteLegale");
        if (denomination != null) {
            return denomination;
        }
        String name = text(uniteLegale, "nomUsageUniteLegale");
        if (name == null) {
            name = text(uniteLegale, "nomUniteLegale");
        }
        return name == null ? null : joinNonBlank(text(uniteLegale, "prenom1UniteLegale"), name);
    }

    /** The open period (no end date); INSEE lists periods newest first, so the first one otherwise. */
    private static JsonNode currentPeriod(JsonNode periods) {
        if (!periods.isArray() || periods.isEmpty()) {
            return null;
        }
        for (JsonNode period : periods) {
            if (text(period, "dateFin") == null) {
                return period;
            }
        }
        return periods.get(0);
    }
}
