package fr.ceres.keycloak.centre.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import fr.ceres.keycloak.centre.Centre;
import fr.ceres.keycloak.centre.code.CentreCodeStatus;
import fr.ceres.keycloak.siret.Siret;

/** A centre as the agents' API shows it. Never anything about the code but its state. */
final class CentreJson {

    private CentreJson() {
    }

    /** A centre just registered: nobody has tried its code yet. */
    static Map<String, Object> of(Centre centre, CentreCodeStatus status, long gestionnaires) {
        return of(centre, status, gestionnaires, Optional.empty());
    }

    /**
     * With {@code alerteTentatives} when failures on the SIRET reached the attach page's alert threshold: when it last
     * did and how many there were ({@link AttemptAlert}); absent otherwise.
     */
    static Map<String, Object> of(Centre centre, CentreCodeStatus status, long gestionnaires,
            Optional<AttemptAlert> alert) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("siret", centre.siret().value());
        json.put("siren", centre.siren());
        json.put("raisonSociale", centre.raisonSociale());
        json.put("adresse", centre.adresse());
        json.put("commune", centre.commune());
        json.put("referenceAgrement", centre.referenceAgrement());
        json.put("sitesLies", centre.sitesLies().stream().map(Siret::value).toList());
        json.put("etat", etat(status.state()));
        json.put("gestionnaires", gestionnaires);
        alert.ifPresent(a -> json.put("alerteTentatives", a.json()));
        return json;
    }

    static String etat(CentreCodeStatus.State state) {
        return switch (state) {
            case NO_CODE -> "sans-code";
            case AWAITING_ACTIVATION -> "en-attente-activation";
            case CODE_EXPIRED -> "code-expire";
            case ACTIVE -> "actif";
        };
    }
}
