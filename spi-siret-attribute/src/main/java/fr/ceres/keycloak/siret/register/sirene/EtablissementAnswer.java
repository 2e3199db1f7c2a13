package fr.ceres.keycloak.siret.register.sirene;

import static fr.ceres.keycloak.siret.register.JsonFields.joinNonBlank;
import static fr.ceres.keycloak.siret.register.JsonFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.Establishment;
import fr.ceres.keycloak.siret.register.LookupResult;
import fr.ceres.keycloak.siret.register.remote.UpstreamHttp.Answer;

/**
 * Reads {@code {"header":{"statut","message"}, "etablissement":{"siret", "uniteLegale":{…},
 * "adresseEtablissement":{…}, "periodesEtablissement":[{"dateFin", "etatAdministratifEtablissement"}, …]}}}.
 * Type-of-way abbreviations ("BD", "AV") are kept as INSEE gives them; fields INSEE masks with {@code [ND]}
 * (partial diffusion) come out absent (see {@link Establishment}).
 */
final class EtablissementAnswer {

    private static final int OK = 200;
    private static final int NOT_FOUND = 404;
    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;
    private static final String ACTIVE = "A";
    private static final String PARTIAL_DIFFUSION = "P";

    private EtablissementAnswer() {
    }

    static LookupResult read(Answer answer, Siret siret) throws JsonProcessingException {
        return switch (answer.status()) {
            case OK -> found(answer.json().path("etablissement"), siret);
            case NOT_FOUND -> notFound(answer);
            case UNAUTHORIZED, FORBIDDEN ->
                    new LookupResult.Unavailable("answered " + answer.status() + ": is the api-key valid and subscribed?");
            default -> new LookupResult.Unavailable("answered " + answer.status());
        };
    }

    /**
     * Only INSEE's own answer, {@code {"header":{"statut":404,"message":"Aucun élément trouvé pour le siret …"}}},
     * says the SIRET is unknown. Any other 404 (a gateway's page after a wrong base-url, a proxy) says nothing
     * about the SIRET: taken as unknown, it would be kept in the cache and refuse sign-ups.
     */
    private static LookupResult notFound(Answer answer) {
        if (inseeStatus(answer) == NOT_FOUND) {
            return new LookupResult.NotFound();
        }
        return new LookupResult.Unavailable("answered 404 without INSEE's answer: is the base-url right?");
    }

    /** The status INSEE writes in its own answers' header; 0 for any other body (HTML, text, other JSON). */
    private static int inseeStatus(Answer answer) {
        try {
            return answer.json().path("header").path("statut").asInt();
        } catch (JsonProcessingException e) {
            return 0;
        }
    }

    private static LookupResult found(JsonNode etablissement, Siret siret) {
        if (!siret.value().equals(text(etablissement, "siret"))) {
            return new LookupResult.Unavailable("unexpected answer: not about the SIRET asked");
        }
        JsonNode uniteLegale = etablissement.path("uniteLegale");
        String raisonSociale = legalName(uniteLegale);
        JsonNode state = currentPeriod(etablissement.path("periodesEtablissement"));
        // A company in partial diffusion may have its names masked or left out: the person types it.
        boolean nameMayBeMasked = PARTIAL_DIFFUSION.equals(text(uniteLegale, "statutDiffusionUniteLegale"));
        if ((raisonSociale == null && !nameMayBeMasked) || state == null) {
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
        return new LookupResult.Found(new Establishment(siret.value(), raisonSociale, street, commune, active));
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
