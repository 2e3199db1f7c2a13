package fr.ceres.keycloak.access.gestionnaire;

import java.util.ArrayList;
import java.util.List;

import fr.ceres.keycloak.centre.Centre;
import fr.ceres.keycloak.siret.Siret;
import org.keycloak.models.OrganizationModel;

/**
 * A centre as its gestionnaire acts on it: its Organization, what the bundle reads from it, and the
 * SIRETs a habilitation of the centre may name.
 *
 * @param organization the centre's Organization
 * @param centre       the centre read from it
 */
public record ManagedCentre(OrganizationModel organization, Centre centre) {

    /** The centre's SIRET (its Organization alias). */
    public String siret() {
        return centre.siret().value();
    }

    /** The SIRETs a habilitation may name: the centre's own, then its linked sites, once each. */
    public List<String> sirets() {
        List<String> sirets = new ArrayList<>();
        sirets.add(siret());
        centre.sitesLies().stream().map(Siret::value).filter(s -> !sirets.contains(s)).forEach(sirets::add);
        return List.copyOf(sirets);
    }

    public boolean hasSiret(String siret) {
        return siret != null && sirets().contains(siret);
    }

    /** The company's name, as the invitation's message says it: the raison sociale, else the Organization's name. */
    public String companyName() {
        return centre.raisonSociale();
    }
}
