package fr.ceres.keycloak.siret.register.remote;

import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.CompanyRegisterProvider;
import fr.ceres.keycloak.siret.register.LookupResult;

/** A remote register seen through the node's cache: one per session, the cache outlives it. */
final class CachedRegisterProvider implements CompanyRegisterProvider {

    private final LookupCache cache;
    private final RegisterClient client;

    CachedRegisterProvider(LookupCache cache, RegisterClient client) {
        this.cache = cache;
        this.client = client;
    }

    @Override
    public LookupResult lookup(Siret siret) {
        return cache.lookup(siret, client::fetch);
    }
}
