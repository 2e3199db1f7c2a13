package fr.ceres.keycloak.siret.register.support;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import fr.ceres.keycloak.siret.register.CompanyRegisterProvider;
import fr.ceres.keycloak.siret.register.remote.RemoteRegisterProviderFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

/**
 * A fake register plus a plain HTTP client: the provider a factory makes for a session, without a
 * Keycloak session. The factory's {@code base-url} points at the fake register.
 */
public final class HttpRegisterHarness implements AutoCloseable {

    private final FakeRegister register;
    private final CloseableHttpClient client = HttpClients.createDefault();

    private HttpRegisterHarness(FakeRegister register) {
        this.register = register;
    }

    public static HttpRegisterHarness start() throws IOException {
        return new HttpRegisterHarness(FakeRegister.start());
    }

    public FakeRegister register() {
        return register;
    }

    public CompanyRegisterProvider provider(RemoteRegisterProviderFactory factory, Map<String, String> options) {
        Map<String, String> all = new HashMap<>(options);
        all.put("base-url", register.baseUrl());
        factory.init(new MapScope(all));
        return newSession(factory);
    }

    /** Another session's provider from an initialised factory: same cache, same back-off. */
    public CompanyRegisterProvider newSession(RemoteRegisterProviderFactory factory) {
        return factory.create(client);
    }

    @Override
    public void close() throws IOException {
        register.close();
        client.close();
    }
}
