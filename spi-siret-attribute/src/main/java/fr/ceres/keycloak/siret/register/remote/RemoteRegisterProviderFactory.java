package fr.ceres.keycloak.siret.register.remote;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.common.BundleFactory;
import fr.ceres.keycloak.common.BundleMetrics;
import fr.ceres.keycloak.common.ProviderVersion;
import fr.ceres.keycloak.siret.register.CompanyRegisterProvider;
import fr.ceres.keycloak.siret.register.CompanyRegisterProviderFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.keycloak.Config;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * What the HTTP registers share, once per node: the options, the cache, the call budget and the 429 back-off live
 * in the factory instance (never in static fields), so every session of the node sees the same ones. The budget's
 * slots are claimed in Keycloak's single-use store, so the whole cluster keeps to the register's rate.
 *
 * <p>Failure policy: a register that cannot be asked answers {@link
 * fr.ceres.keycloak.siret.register.LookupResult.Unavailable}; the sign-up then accepts the SIRET on
 * its checksum alone and flags it unverified.
 */
public abstract class RemoteRegisterProviderFactory extends BundleFactory implements CompanyRegisterProviderFactory {

    private RemoteRegisterOptions options;
    private LookupCache cache;
    private RetryAfterGate gate;
    private RegisterBudget budget;
    private RegisterMetrics metrics;

    @Override
    public final void init(Config.Scope config) {
        options = RemoteRegisterOptions.read(config, defaultBaseUrl(), defaultRate());
        Clock clock = Clock.systemUTC();
        metrics = new RegisterMetrics(BundleMetrics.keycloak(), getId());
        // A concurrent lookup of the same SIRET waits at most as long as the leader's call may last.
        cache = new LookupCache(options.cacheMaxEntries(), options.cacheTtl(), options.negativeCacheTtl(),
                options.deadline(), clock, metrics);
        metrics.watch(cache);
        gate = new RetryAfterGate(clock);
        // A sign-up waits for a slot at most as long as it would wait for the register's answer.
        budget = new RegisterBudget(getId(), options.maxCalls(), options.deadline(), clock::millis, Thread::sleep);
        readOwnOptions(config);
    }

    @Override
    public final CompanyRegisterProvider create(KeycloakSession session) {
        // Keycloak's HttpClientProvider: its pool, proxy and truststore settings apply to the register too.
        return create(session.getProvider(HttpClientProvider.class).getHttpClient(), session.singleUseObjects()::putIfAbsent);
    }

    /**
     * The provider over the given HTTP client and slot store: Keycloak's from {@link #create(KeycloakSession)}, a
     * plain client and a store of the test's own in tests.
     */
    public final CompanyRegisterProvider create(CloseableHttpClient http, SlotClaims claims) {
        UpstreamHttp upstream = new UpstreamHttp(http, options.requestConfig(), options.deadline(),
                options.userAgent(ProviderVersion.of(getClass()), getId()), gate, getId(), metrics);
        return new CachedRegisterProvider(cache, createClient(upstream, options.baseUrl()), budget, claims, metrics);
    }

    /** The register's public address, used when {@code base-url} is not set. */
    protected abstract String defaultBaseUrl();

    /** The calls the register accepts from one caller, the cluster's budget unless {@code max-calls} says otherwise. */
    protected abstract CallRate defaultRate();

    /** The register-specific call, for one session. */
    protected abstract RegisterClient createClient(UpstreamHttp upstream, String baseUrl);

    /** Reads the register's own options, after the common ones. */
    protected void readOwnOptions(Config.Scope config) {
    }

    /** The register's own options, declared after the common ones. */
    protected List<ProviderConfigProperty> ownConfigMetadata() {
        return List.of();
    }

    /** The register's own non-secret facts for the server info page. */
    protected Map<String, String> ownOperationalInfo() {
        return Map.of();
    }

    @Override
    public final List<ProviderConfigProperty> getConfigMetadata() {
        List<ProviderConfigProperty> properties = new ArrayList<>(RemoteRegisterConfigProperties.common(defaultBaseUrl(), defaultRate()));
        properties.addAll(ownConfigMetadata());
        return properties;
    }

    @Override
    protected final Map<String, String> options() {
        Map<String, String> info = new LinkedHashMap<>();
        info.putAll(options.describe());
        info.putAll(ownOperationalInfo());
        info.put("cached-answers", Integer.toString(cache.size()));
        if (gate.isClosed()) {
            info.put("rate-limited-until", gate.closedUntil().toString());
        }
        return info;
    }
}
