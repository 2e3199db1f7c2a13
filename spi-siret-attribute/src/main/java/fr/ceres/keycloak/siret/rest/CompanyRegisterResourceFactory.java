package fr.ceres.keycloak.siret.rest;

import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.common.BundleMetrics;
import fr.ceres.keycloak.common.RealmPages;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Serves {@code GET /realms/{realm}/company-register/{siret}} (see {@link CompanyRegisterResource}).
 *
 * <p>Option: {@code --spi-realm-restapi-extension--company-register--requests-per-minute} (default
 * 30), per client address and per node.
 */
public final class CompanyRegisterResourceFactory extends RealmPages {

    public static final String PROVIDER_ID = "company-register";

    static final String REQUESTS_PER_MINUTE = "requests-per-minute";
    static final int DEFAULT_REQUESTS_PER_MINUTE = 30;
    /** ~100 bytes a client: a megabyte at most, whatever the traffic. */
    static final int MAX_TRACKED_CLIENTS = 10_000;

    private int requestsPerMinute = DEFAULT_REQUESTS_PER_MINUTE;
    /** Per node and in memory on purpose: see {@link RateLimiter}. */
    private Prefill prefill;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
        requestsPerMinute = config.getInt(REQUESTS_PER_MINUTE, DEFAULT_REQUESTS_PER_MINUTE);
        if (requestsPerMinute < 1) {
            // Failing the start-up beats silently running without a limit or rejecting everyone.
            throw new IllegalArgumentException("--spi-realm-restapi-extension--" + PROVIDER_ID + "--"
                    + REQUESTS_PER_MINUTE + " must be at least 1, got " + requestsPerMinute);
        }
        prefill = new Prefill(new RateLimiter(requestsPerMinute, MAX_TRACKED_CLIENTS, System::nanoTime),
                BundleMetrics.keycloak());
    }

    @Override
    protected Object resource(KeycloakSession session) {
        return new CompanyRegisterResource(session, prefill);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(REQUESTS_PER_MINUTE)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("SIRET look-ups allowed per client address (IPv6: per /64) and per minute, on each node."
                        + " Beyond, the endpoint answers 429 with Retry-After.")
                .defaultValue(DEFAULT_REQUESTS_PER_MINUTE)
                .add()
                .build();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of(REQUESTS_PER_MINUTE, Integer.toString(requestsPerMinute));
    }
}
