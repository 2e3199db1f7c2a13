package fr.ceres.keycloak.siret.register;

import java.util.ArrayList;
import java.util.List;

import fr.ceres.keycloak.siret.ProfileAttributes;

/**
 * The public register fields of one establishment, as the sign-up form and the centres use them. A field
 * the register does not give, or gives masked ({@link RegisterPlaceholders}), is absent: the empty string,
 * whichever provider read it, so no placeholder can reach a page or an account.
 *
 * @param siret         the establishment's 14 digits
 * @param raisonSociale the company's legal name (or the establishment's trade name when it has one); may be empty
 * @param adresse       street address, without postcode and town; may be empty
 * @param commune       postcode and town, e.g. "75007 PARIS"; may be empty
 * @param active        false when the register lists the establishment as closed ("fermé")
 */
public record Establishment(String siret, String raisonSociale, String adresse, String commune, boolean active) {

    public Establishment {
        raisonSociale = published(raisonSociale);
        adresse = published(adresse);
        commune = published(commune);
    }

    /**
     * The profile attributes ({@code raisonSociale}, {@code adresse}, {@code commune}) the register left
     * absent, in the form's order: what the person, or the agent, has to type.
     */
    public List<String> missingFields() {
        List<String> missing = new ArrayList<>(3);
        if (raisonSociale.isEmpty()) {
            missing.add(ProfileAttributes.RAISON_SOCIALE);
        }
        if (adresse.isEmpty()) {
            missing.add(ProfileAttributes.ADRESSE);
        }
        if (commune.isEmpty()) {
            missing.add(ProfileAttributes.COMMUNE);
        }
        return List.copyOf(missing);
    }

    /**
     * A field partly masked ("[NON-DIFFUSIBLE] PARIS 11") is absent as a whole: what is left is not the
     * field's value (a commune without its postcode), and the person types the field anyway.
     */
    private static String published(String value) {
        return value == null || RegisterPlaceholders.masks(value) ? "" : value.strip();
    }
}
