package fr.ceres.keycloak.siret.register.file;

import java.util.Map;

import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.CompanyRegisterProvider;
import fr.ceres.keycloak.siret.register.Establishment;
import fr.ceres.keycloak.siret.register.LookupResult;

final class StaticFileProvider implements CompanyRegisterProvider {

    private final Map<Siret, Establishment> establishments;

    StaticFileProvider(Map<Siret, Establishment> establishments) {
        this.establishments = establishments;
    }

    @Override
    public LookupResult lookup(Siret siret) {
        Establishment establishment = establishments.get(siret);
        return establishment == null ? new LookupResult.NotFound() : new LookupResult.Found(establishment);
    }
}
