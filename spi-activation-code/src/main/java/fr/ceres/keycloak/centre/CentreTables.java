package fr.ceres.keycloak.centre;

import java.util.List;
import java.util.Optional;

import fr.ceres.keycloak.common.EntityTables;
import fr.ceres.keycloak.siret.Siret;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;

/**
 * A module's tables that hold rows of centres, keyed by the centre's SIRET (or its Organization's id) without a
 * foreign key to Keycloak's tables: when an Organization is removed (admin console, admin API), its centre's rows go
 * in the same transaction, so nothing is left behind and the SIRET, registered again, starts clean. A pending
 * invitation or access request left behind would otherwise stay valid for the new centre of the same SIRET.
 *
 * <p>Keycloak publishes the removal before deleting the Organization's own row but after its members and its group
 * are gone, with them the attributes that tell a centre from another Organization: only the alias is left, so any
 * Organization whose alias is exactly a SIRET is taken for a centre (registration refuses a SIRET that any
 * Organization already holds as alias, so no other Organization can hold that centre's rows). Removing a whole
 * realm publishes no such event; {@link EntityTables#forgetRealm} covers it.
 */
public abstract class CentreTables extends EntityTables {

    protected CentreTables(String id, String changelog, List<Class<?>> entities) {
        super(id, changelog, entities);
    }

    /** Deletes the removed centre's rows, in the removal's transaction. */
    protected abstract void forgetCentre(EntityManager em, String realmId, Siret siret, String organizationId);

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        super.postInit(factory);
        factory.register(event -> {
            if (event instanceof OrganizationModel.OrganizationRemovedEvent removed) {
                KeycloakSession session = removed.getKeycloakSession();
                OrganizationModel organization = removed.getOrganization();
                siretOf(organization).ifPresent(siret -> forgetCentre(
                        session.getProvider(JpaConnectionProvider.class).getEntityManager(),
                        session.getContext().getRealm().getId(), siret, organization.getId()));
            }
        });
    }

    /** The SIRET an Organization's alias is, written as stored (a centre's alias is the 14 digits). */
    static Optional<Siret> siretOf(OrganizationModel organization) {
        String alias = organization.getAlias();
        return Siret.parse(alias).filter(siret -> siret.value().equals(alias));
    }
}
