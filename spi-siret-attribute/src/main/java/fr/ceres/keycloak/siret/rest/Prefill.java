package fr.ceres.keycloak.siret.rest;

import fr.ceres.keycloak.common.BundleMetrics;
import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.CompanyRegisterProvider;
import fr.ceres.keycloak.siret.register.LookupResult;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** What the pre-fill endpoint answers to one request: rate limit, then SIRET check, then register. */
final class Prefill {

    private static final Logger LOG = Logger.getLogger(Prefill.class);

    /** Tagged with the answer's HTTP status, one of {@link PrefillAnswer}'s few. */
    static final BundleMetrics.Count ANSWERS = new BundleMetrics.Count("ceres.prefill.answers",
            "Answers of the SIRET pre-fill endpoint, by HTTP status");
    static final BundleMetrics.Size TRACKED_CLIENTS = new BundleMetrics.Size("ceres.prefill.clients.tracked",
            "Client addresses this node's pre-fill rate limit remembers, at most 10,000");

    private final RateLimiter rateLimiter;
    private final BundleMetrics metrics;

    Prefill(RateLimiter rateLimiter, BundleMetrics metrics) {
        this.rateLimiter = rateLimiter;
        this.metrics = metrics;
        metrics.gauge(TRACKED_CLIENTS, rateLimiter, RateLimiter::trackedClients);
    }

    /**
     * @param remoteAddress the client's address as Keycloak sees it (proxy headers applied)
     * @param rawSiret      the path segment, as typed
     * @param register      the company register, asked only when the request gets that far; may
     *                      give null when no register provider is deployed
     */
    PrefillAnswer answer(String remoteAddress, String rawSiret, Supplier<CompanyRegisterProvider> register) {
        PrefillAnswer answer = decide(remoteAddress, rawSiret, register);
        metrics.count(ANSWERS, "status", Integer.toString(answer.status()));
        return answer;
    }

    private PrefillAnswer decide(String remoteAddress, String rawSiret, Supplier<CompanyRegisterProvider> register) {
        // Counted before anything else, so malformed requests cost the client as much as real ones.
        OptionalLong retryAfter = rateLimiter.retryAfterSeconds(ClientKey.of(remoteAddress));
        if (retryAfter.isPresent()) {
            return PrefillAnswer.rateLimited(retryAfter.getAsLong());
        }
        Optional<Siret> siret = Siret.parse(rawSiret);
        if (siret.isEmpty()) {
            return PrefillAnswer.invalidSiret();
        }
        CompanyRegisterProvider provider = register.get();
        if (provider == null) {
            LOG.warn("No company-register provider is deployed: SIRET pre-fill answers 503");
            return PrefillAnswer.registerUnavailable();
        }
        return toAnswer(siret.get(), lookup(provider, siret.get()));
    }

    private static LookupResult lookup(CompanyRegisterProvider provider, Siret siret) {
        try {
            return provider.lookupForPrefill(siret);
        } catch (RuntimeException e) {
            // The provider's contract is never to throw, but this endpoint is public and promises
            // no 500: a provider bug reads as "register unavailable", and is logged to be fixed.
            LOG.errorf(e, "Company-register provider %s failed instead of answering Unavailable",
                    provider.getClass().getName());
            return new LookupResult.Unavailable("provider error");
        }
    }

    private static PrefillAnswer toAnswer(Siret siret, LookupResult result) {
        if (result instanceof LookupResult.Found found && found.establishment() != null) {
            return PrefillAnswer.establishment(siret, found.establishment());
        }
        if (result instanceof LookupResult.NotFound) {
            return PrefillAnswer.unknownSiret();
        }
        if (result instanceof LookupResult.Unavailable unavailable) {
            LOG.debugf("Company register unavailable for SIRET pre-fill: %s", unavailable.reason());
        }
        // Unavailable, or a provider answering null / Found(null): nothing we can vouch for.
        return PrefillAnswer.registerUnavailable();
    }
}
