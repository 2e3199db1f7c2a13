package fr.ceres.keycloak.siret.register.remote;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The server-wide options every HTTP register has: {@code --spi-company-register--<provider>--<option>}. */
final class RemoteRegisterConfigProperties {

    static final String BASE_URL = "base-url";
    static final String CONNECT_TIMEOUT_MS = "connect-timeout-ms";
    static final String READ_TIMEOUT_MS = "read-timeout-ms";
    static final String DEADLINE_MS = "deadline-ms";
    static final String CONTACT = "contact";
    static final String CACHE_MAX_ENTRIES = "cache-max-entries";
    static final String CACHE_TTL_SECONDS = "cache-ttl-seconds";
    static final String NEGATIVE_CACHE_TTL_SECONDS = "negative-cache-ttl-seconds";
    static final String MAX_CALLS = "max-calls";
    static final String MAX_CALLS_SECONDS = "max-calls-seconds";

    static final int DEFAULT_CONNECT_TIMEOUT_MS = 1000;
    static final int DEFAULT_READ_TIMEOUT_MS = 2000;
    /** A person waits for the sign-up page: a register not done by then is "unavailable" and the sign-up goes on. */
    static final int DEFAULT_DEADLINE_MS = 3000;
    static final int DEFAULT_CACHE_MAX_ENTRIES = 10_000;
    static final int DEFAULT_CACHE_TTL_SECONDS = 3600;
    static final int DEFAULT_NEGATIVE_CACHE_TTL_SECONDS = 300;

    private static final String INT = "int";

    private RemoteRegisterConfigProperties() {
    }

    static List<ProviderConfigProperty> common(String defaultBaseUrl, CallRate defaultRate) {
        return ProviderConfigurationBuilder.create()
                .property().name(BASE_URL).type("string").defaultValue(defaultBaseUrl)
                .helpText("Base URL of the register's API.").add()
                .property().name(CONNECT_TIMEOUT_MS).type(INT).defaultValue(DEFAULT_CONNECT_TIMEOUT_MS)
                .helpText("Milliseconds to get a connection (pool wait and TCP/TLS connect each).").add()
                .property().name(READ_TIMEOUT_MS).type(INT).defaultValue(DEFAULT_READ_TIMEOUT_MS)
                .helpText("Milliseconds of silence from the register before the lookup is abandoned.").add()
                .property().name(DEADLINE_MS).type(INT).defaultValue(DEFAULT_DEADLINE_MS)
                .helpText("Milliseconds a whole lookup may take, however the register trickles its answer;"
                        + " past it, the request is cancelled and the register counts as unavailable.").add()
                .property().name(CONTACT).type("string")
                .helpText("How the register's operator may reach the deployer (email or URL), sent in the"
                        + " User-Agent after the bundle's name and version. Printable ASCII, no parentheses.").add()
                .property().name(CACHE_MAX_ENTRIES).type(INT).defaultValue(DEFAULT_CACHE_MAX_ENTRIES)
                .helpText("Found establishments kept per node, and as many unknown SIRETs apart (so that lookups of"
                        + " unknown SIRETs never push found ones out); the least recently used go first. 0 disables the cache.").add()
                .property().name(CACHE_TTL_SECONDS).type(INT).defaultValue(DEFAULT_CACHE_TTL_SECONDS)
                .helpText("Seconds a found establishment is kept.").add()
                .property().name(NEGATIVE_CACHE_TTL_SECONDS).type(INT).defaultValue(DEFAULT_NEGATIVE_CACHE_TTL_SECONDS)
                .helpText("Seconds an unknown SIRET is kept. Unavailable answers are never kept.").add()
                .property().name(MAX_CALLS).type(INT).defaultValue(defaultRate.calls())
                .helpText("Calls the whole cluster may send the register per " + MAX_CALLS_SECONDS + " seconds, spread"
                        + " over the first four fifths of each period; sign-ups and agents first, the anonymous pre-fill"
                        + " refused when none is left.").add()
                .property().name(MAX_CALLS_SECONDS).type(INT).defaultValue(defaultRate.seconds())
                .helpText("The period of " + MAX_CALLS + ", in seconds.").add()
                .build();
    }
}
