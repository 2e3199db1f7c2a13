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

    private static final String REGISTER = "register";
    private static final String CACHE = "cache";

    private final BundleMetrics metrics;
    private final String register;

    RegisterMetrics(BundleMetrics metrics, String register) {
        this.metrics = metrics;
        this.register = register;
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
}
