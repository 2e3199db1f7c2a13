package fr.ceres.keycloak.access.gestionnaire;

import java.util.Optional;

import fr.ceres.keycloak.centre.Centres;
import fr.ceres.keycloak.centre.habilitation.CeresRole;
import fr.ceres.keycloak.centre.habilitation.Habilitations;
import fr.ceres.keycloak.siret.Siret;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Who may act on a centre: only a gestionnaire of that centre, that is someone holding a
 * habilitation with the role gestionnaire whose centre is this one. Anybody else, including a centre
 * agréé user of the centre and a gestionnaire of another centre, may not; nor may anybody act on
 * something that is not a centre.
 */
public final class CentreAccess {

    private final KeycloakSession session;
    private final RealmModel realm;

    public CentreAccess(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /**
     * The centre registered under {@code centreSiret}, if the user is one of its gestionnaires; empty
     * otherwise, without saying whether the centre exists (the answer is the same refusal).
     */
    public Optional<ManagedCentre> managedBy(UserModel user, String centreSiret) {
        Centres centres = new Centres(session, realm);
        if (user == null || !centres.enabled()) {
            return Optional.empty();
        }
        boolean gestionnaire = new Habilitations(session).of(user).stream()
                .anyMatch(h -> h.role() == CeresRole.GESTIONNAIRE && h.centre().equals(centreSiret));
        if (!gestionnaire) {
            return Optional.empty();
        }
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        return Siret.parse(centreSiret)
                .filter(siret -> siret.value().equals(centreSiret))
                .flatMap(centres::find)
                .flatMap(centre -> Optional.ofNullable(organizations.getById(centre.organizationId()))
                        .map(organization -> new ManagedCentre(organization, centre)));
    }
}
