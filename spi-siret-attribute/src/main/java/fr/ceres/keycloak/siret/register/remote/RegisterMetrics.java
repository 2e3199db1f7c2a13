package fr.ceres.keycloak.siret.register.remote;

import fr.ceres.keycloak.common.BundleMetrics;

/**
 * The counters of one remote register, tagged {@code register} with its provider id (a handful of values,
 * never the SIRET asked): how the node's cache served lookups, and how often the register could not answer.
 */
final class RegisterMetrics {

    static final BundleMetrics.Count LOOKUPS = new BundleMetrics.Count("ceres.register.lookups",
            "Company-register lookups: cache=hit answered without calling the register (kept, or shared with a"
                    + " concurrent lookup of the same SIRET), cache=miss called it");
    static final BundleMetrics.Count UNAVAILABLE = new BundleMetrics.Count("ceres.register.unavailable",
            "Company-register calls answered Unavailable (timeout, error, 429, or skipped during a 429 pause)");
    static final BundleMetrics.Count RATE_LIMITED = new BundleMetrics.Count("ceres.register.rate.limited",
            "429 Too Many Requests received from the company register");
    static final BundleMetrics.Count BUDGET_SPENT = new BundleMetrics.Count("ceres.register.budget.spent",
            "Company-register calls not made because the cluster's call budget was spent: caller=prefill refused at"
                    + " once, caller=priority (a sign-up or an agent) after waiting its patience");

    static final BundleMetrics.Size CACHE_ENTRIES = new BundleMetrics.Size("ceres.register.cache.entries",
            "Register answers this node keeps: found establishments and unknown SIRETs, each kind at most"
                    + " cache-max-entries");

    private static final String REGISTER = "register";
    private static final String CACHE = "cache";

    private final BundleMetrics metrics;
    private final String register;

    RegisterMetrics(BundleMetrics metrics, String register) {
        this.metrics = metrics;
        this.register = register;
    }

    /** Shows the cache's size on {@code /metrics}. */
    void watch(LookupCache cache) {
        metrics.gauge(CACHE_ENTRIES, cache, LookupCache::size, REGISTER, register);
    }

    void hit() {
        metrics.count(LOOKUPS, REGISTER, register, CACHE, "hit");
    }

    void miss() {
        metrics.count(LOOKUPS, REGISTER, register, CACHE, "miss");
    }

    void unavailable() {
        metrics.count(UNAVAILABLE, REGISTER, register);
    }

    void rateLimited() {
        metrics.count(RATE_LIMITED, REGISTER, register);
    }

    void budgetSpent(RegisterBudget.Caller caller) {
        metrics.count(BUDGET_SPENT, REGISTER, register, "caller", BundleMetrics.tag(caller));
    }
}
