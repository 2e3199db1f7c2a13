package fr.ceres.keycloak.siret.register.remote;

import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.LookupResult;

/** One upstream call to a company register, without cache: the part each register does its own way. */
@FunctionalInterface
public interface RegisterClient {

    /** Never throws for register trouble: that is {@link LookupResult.Unavailable}. */
    LookupResult fetch(Siret siret);
}
