package fr.ceres.keycloak.siret.register.recherche;

import static fr.ceres.keycloak.siret.register.JsonFields.joinNonBlank;
import static fr.ceres.keycloak.siret.register.JsonFields.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Splits an establishment's address into street and commune ("75007 PARIS"). The siège has the
 * address in parts; matching establishments may only have {@code adresse}, one line ending with
 * the postcode and town.
 */
record SearchAddress(String street, String commune) {

    /** Greedy street part: the last five-digit group followed by a word is the postcode. */
    private static final Pattern ONE_LINE = Pattern.compile("^(?:(.*)\\s)?(\\d{5}\\s.+)$");

    static SearchAddress of(JsonNode establishment) {
        String street = joinNonBlank(text(establishment, "numero_voie"), text(establishment, "indice_repetition"),
                text(establishment, "type_voie"), text(establishment, "libelle_voie"));
        String commune = joinNonBlank(text(establishment, "code_postal"), text(establishment, "libelle_commune"));
        String oneLine = text(establishment, "adresse");
        if (oneLine == null || (street != null && commune != null)) {
            return new SearchAddress(street, commune);
        }
        if (commune != null && oneLine.endsWith(commune)) {
            return new SearchAddress(joinNonBlank(oneLine.substring(0, oneLine.length() - commune.length())), commune);
        }
        Matcher parts = ONE_LINE.matcher(oneLine);
        if (parts.matches()) {
            return new SearchAddress(joinNonBlank(parts.group(1)), parts.group(2));
        }
        return new SearchAddress(oneLine, commune);
    }
}
