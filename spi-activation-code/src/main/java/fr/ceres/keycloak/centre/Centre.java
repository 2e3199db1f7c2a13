package fr.ceres.keycloak.centre;

import java.util.List;

import fr.ceres.keycloak.siret.Siret;

/**
 * A centre agréé as the bundle reads it from its Organization: the alias is the SIRET,
 * the rest are the Organization's attributes.
 *
 * @param organizationId    the Organization's id
 * @param siret             the centre's SIRET (the Organization's alias)
 * @param raisonSociale     the company's name as the register gave it
 * @param adresse           street address; may be empty
 * @param commune           postcode and town; may be empty
 * @param referenceAgrement the approval reference given by the agent
 * @param sitesLies         other establishments of the same SIREN linked to the centre
 */
public record Centre(String organizationId, Siret siret, String raisonSociale, String adresse, String commune,
                     String referenceAgrement, List<Siret> sitesLies) {

    public Centre {
        adresse = adresse == null ? "" : adresse;
        commune = commune == null ? "" : commune;
        referenceAgrement = referenceAgrement == null ? "" : referenceAgrement;
        sitesLies = List.copyOf(sitesLies);
    }

    public String siren() {
        return siret.siren();
    }
}
