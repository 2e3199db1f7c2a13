package fr.ceres.keycloak.siret.register.sirene;

import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.siret.register.remote.CallRate;
import fr.ceres.keycloak.siret.register.remote.RegisterClient;
import fr.ceres.keycloak.siret.register.remote.RemoteRegisterProviderFactory;
import fr.ceres.keycloak.siret.register.remote.UpstreamHttp;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * INSEE's API Sirene 3.11 (portail-api.insee.fr), the reference register, with an integration API
 * key. The key is a secret: read from the server configuration only, declared secret, never logged
 * and never shown in the server info (which only says whether it is set).
 *
 * <p>Failure policy: register unavailable (including a missing or refused key) ⇒ the lookup
 * answers Unavailable; the sign-up accepts the SIRET on its checksum alone and flags it unverified.
 */
public final class InseeSireneProviderFactory extends RemoteRegisterProviderFactory {

    public static final String PROVIDER_ID = "insee-sirene";

    static final String API_KEY = "api-key";
    private static final String DEFAULT_BASE_URL = "https://api.insee.fr/api-sirene/3.11";
    /** The integration plan's limit, per key: the whole cluster shares one key. */
    private static final CallRate DEFAULT_RATE = new CallRate(30, 60);

    private String apiKey;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    protected String defaultBaseUrl() {
        return DEFAULT_BASE_URL;
    }

    @Override
    protected CallRate defaultRate() {
        return DEFAULT_RATE;
    }

    @Override
    protected void readOwnOptions(Config.Scope config) {
        String value = config.get(API_KEY);
        apiKey = value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    protected RegisterClient createClient(UpstreamHttp upstream, String baseUrl) {
        return new InseeSireneClient(upstream, baseUrl, apiKey);
    }

    @Override
    protected List<ProviderConfigProperty> ownConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(API_KEY).type("string").secret(true)
                .helpText("Integration API key of an application subscribed to API Sirene on portail-api.insee.fr.")
                .add()
                .build();
    }

    @Override
    protected Map<String, String> ownOperationalInfo() {
        return Map.of(API_KEY, apiKey == null ? "not set" : "set");
    }
}
