package fr.ceres.keycloak.siret.register.remote;

import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.CompanyRegisterProvider;
import fr.ceres.keycloak.siret.register.LookupResult;

/**
 * A remote register seen through the node's cache, its calls within the cluster's budget: one per session, the
 * cache and the budget outlive it.
 */
final class CachedRegisterProvider implements CompanyRegisterProvider {

    private final LookupCache cache;
    private final RegisterClient client;
    private final RegisterBudget budget;
    private final SlotClaims claims;
    private final RegisterMetrics metrics;

    CachedRegisterProvider(LookupCache cache, RegisterClient client, RegisterBudget budget, SlotClaims claims,
                           RegisterMetrics metrics) {
        this.cache = cache;
        this.client = client;
        this.budget = budget;
        this.claims = claims;
        this.metrics = metrics;
    }

    @Override
    public LookupResult lookup(Siret siret) {
        return cache.lookup(siret, missed -> fetchWithinBudget(missed, RegisterBudget.Caller.PRIORITY));
    }

    @Override
    public LookupResult lookupForPrefill(Siret siret) {
        return cache.lookup(siret, missed -> fetchWithinBudget(missed, RegisterBudget.Caller.PREFILL));
    }

    private LookupResult fetchWithinBudget(Siret siret, RegisterBudget.Caller caller) {
        if (budget.take(caller, claims)) {
            return client.fetch(siret);
        }
        metrics.budgetSpent(caller);
        return new LookupResult.Unavailable("the cluster's " + budget.rate() + " calls to the register are spent for now");
    }
}
