package fr.ceres.keycloak.siret.register.support;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import fr.ceres.keycloak.siret.register.CompanyRegisterProvider;
import fr.ceres.keycloak.siret.register.remote.RemoteRegisterProviderFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

/**
 * A fake register plus a plain HTTP client: the provider a factory makes for a session, without a
 * Keycloak session. The factory's {@code base-url} points at the fake register. The call budget's
 * slots are claimed in the harness's own set, and the budget is out of the way (a million calls a
 * second) unless a test sets {@code max-calls}. The period is a second whatever the register's own:
 * the budget refuses calls in a period's last fifth, its guard, when the next period opens later
 * than the caller's patience, so a minute's period would fail every lookup made in the clock's
 * last twelve seconds of a minute.
 */
public final class HttpRegisterHarness implements AutoCloseable {

    private final FakeRegister register;
    private final CloseableHttpClient client = HttpClients.createDefault();
    private final Set<String> claimedSlots = ConcurrentHashMap.newKeySet();

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
        if (!all.containsKey("max-calls")) {
            all.put("max-calls", "1000000");
            all.put("max-calls-seconds", "1");
        }
        factory.init(new MapScope(all));
        return newSession(factory);
    }

    /** Another session's provider from an initialised factory: same cache, same back-off. */
    public CompanyRegisterProvider newSession(RemoteRegisterProviderFactory factory) {
        return factory.create(client, (key, keptSeconds) -> claimedSlots.add(key));
    }

    @Override
    public void close() throws IOException {
        register.close();
        client.close();
    }
}
