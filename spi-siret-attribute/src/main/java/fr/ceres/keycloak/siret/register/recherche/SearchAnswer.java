package fr.ceres.keycloak.siret.register.recherche;

import static fr.ceres.keycloak.siret.register.JsonFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.Establishment;
import fr.ceres.keycloak.siret.register.LookupResult;
import fr.ceres.keycloak.siret.register.remote.UpstreamHttp.Answer;

/**
 * Reads {@code {"results":[{"nom_raison_sociale", "nom_complet", "statut_diffusion", "siege":{…},
 * "matching_etablissements":[{…}]}], "total_results":N}}. A search may return neighbours of the
 * SIRET asked, so only an establishment whose {@code siret} is exactly the one asked counts. Fields the
 * API masks with {@code [NON-DIFFUSIBLE]} (partial diffusion) come out absent (see {@link Establishment}).
 */
final class SearchAnswer {

    private static final int OK = 200;
    private static final String ACTIVE = "A";
    private static final String PARTIAL_DIFFUSION = "P";

    private SearchAnswer() {
    }

    static LookupResult read(Answer answer, Siret siret) throws JsonProcessingException {
        if (answer.status() != OK) {
            return new LookupResult.Unavailable("answered " + answer.status());
        }
        JsonNode results = answer.json().path("results");
        if (!results.isArray()) {
            return new LookupResult.Unavailable("unexpected answer: no results array");
        }
        for (JsonNode company : results) {
            JsonNode establishment = establishment(company, siret);
            if (establishment != null) {
                return found(company, establishment, siret);
            }
        }
        return new LookupResult.NotFound();
    }

    /** The siège first: it carries every address field, matching establishments may carry fewer. */
    private static JsonNode establishment(JsonNode company, Siret siret) {
        JsonNode siege = company.path("siege");
        if (siret.value().equals(text(siege, "siret"))) {
            return siege;
        }
        for (JsonNode candidate : company.path("matching_etablissements")) {
            if (siret.value().equals(text(candidate, "siret"))) {
                return candidate;
            }
        }
        return null;
    }

    private static LookupResult found(JsonNode company, JsonNode establishment, Siret siret) {
        // nom_complet appends the sigle, and is the only name of a sole trader (no raison sociale).
        String raisonSociale = text(company, "nom_raison_sociale");
        if (raisonSociale == null) {
            raisonSociale = text(company, "nom_complet");
        }
        // A company in partial diffusion may have its names masked or left out: the person types it.
        if (raisonSociale == null && !PARTIAL_DIFFUSION.equals(text(company, "statut_diffusion"))) {
            return new LookupResult.Unavailable("unexpected answer: no company name");
        }
        SearchAddress address = SearchAddress.of(establishment);
        boolean active = ACTIVE.equals(text(establishment, "etat_administratif"));
        return new LookupResult.Found(new Establishment(siret.value(), raisonSociale, address.street(),
                address.commune(), active));
    }
}
