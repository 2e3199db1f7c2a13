package fr.ceres.keycloak.siret.register.remote;

import static fr.ceres.keycloak.siret.register.remote.RemoteRegisterConfigProperties.BASE_URL;
import static fr.ceres.keycloak.siret.register.remote.RemoteRegisterConfigProperties.CACHE_MAX_ENTRIES;
import static fr.ceres.keycloak.siret.register.remote.RemoteRegisterConfigProperties.CACHE_TTL_SECONDS;
import static fr.ceres.keycloak.siret.register.remote.RemoteRegisterConfigProperties.CONNECT_TIMEOUT_MS;
import static fr.ceres.keycloak.siret.register.remote.RemoteRegisterConfigProperties.CONTACT;
import static fr.ceres.keycloak.siret.register.remote.RemoteRegisterConfigProperties.DEADLINE_MS;
import static fr.ceres.keycloak.siret.register.remote.RemoteRegisterConfigProperties.DEFAULT_CACHE_MAX_ENTRIES;
import static fr.ceres.keycloak.siret.register.remote.RemoteRegisterConfigProperties.DEFAULT_CACHE_TTL_SECONDS;
import static fr.ceres.keycloak.siret.register.remote.RemoteRegisterConfigProperties.DEFAULT_CONNECT_TIMEOUT_MS;
import static fr.ceres.keycloak.siret.register.remote.RemoteRegisterConfigProperties.DEFAULT_DEADLINE_MS;
import static fr.ceres.keycloak.siret.register.remote.RemoteRegisterConfigProperties.DEFAULT_NEGATIVE_CACHE_TTL_SECONDS;
import static fr.ceres.keycloak.siret.register.remote.RemoteRegisterConfigProperties.DEFAULT_READ_TIMEOUT_MS;
import static fr.ceres.keycloak.siret.register.remote.RemoteRegisterConfigProperties.MAX_CALLS;
import static fr.ceres.keycloak.siret.register.remote.RemoteRegisterConfigProperties.MAX_CALLS_SECONDS;
import static fr.ceres.keycloak.siret.register.remote.RemoteRegisterConfigProperties.NEGATIVE_CACHE_TTL_SECONDS;
import static fr.ceres.keycloak.siret.register.remote.RemoteRegisterConfigProperties.READ_TIMEOUT_MS;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.http.client.config.RequestConfig;
import org.keycloak.Config;

/**
 * The server-wide options every HTTP register reads, checked once at start-up.
 *
 * @param contact the deployer's contact for the User-Agent; null when not set
 */
record RemoteRegisterOptions(String baseUrl, Duration connectTimeout, Duration readTimeout, Duration deadline,
                             String contact, int cacheMaxEntries, Duration cacheTtl, Duration negativeCacheTtl,
                             CallRate maxCalls) {

    /** Goes into a header, inside a comment: printable ASCII without the comment's own parentheses. */
    private static final Pattern CONTACT_TEXT = Pattern.compile("[\\x20-\\x7E&&[^()]]{1,200}");

    static RemoteRegisterOptions read(Config.Scope config, String defaultBaseUrl, CallRate defaultRate) {
        return new RemoteRegisterOptions(
                baseUrl(config.get(BASE_URL, defaultBaseUrl)),
                Duration.ofMillis(atLeast(1, config.getInt(CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT_MS), CONNECT_TIMEOUT_MS)),
                Duration.ofMillis(atLeast(1, config.getInt(READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS), READ_TIMEOUT_MS)),
                Duration.ofMillis(atLeast(1, config.getInt(DEADLINE_MS, DEFAULT_DEADLINE_MS), DEADLINE_MS)),
                contact(config.get(CONTACT)),
                atLeast(0, config.getInt(CACHE_MAX_ENTRIES, DEFAULT_CACHE_MAX_ENTRIES), CACHE_MAX_ENTRIES),
                Duration.ofSeconds(atLeast(0, config.getInt(CACHE_TTL_SECONDS, DEFAULT_CACHE_TTL_SECONDS), CACHE_TTL_SECONDS)),
                Duration.ofSeconds(atLeast(0, config.getInt(NEGATIVE_CACHE_TTL_SECONDS, DEFAULT_NEGATIVE_CACHE_TTL_SECONDS),
                        NEGATIVE_CACHE_TTL_SECONDS)),
                new CallRate(atLeast(1, config.getInt(MAX_CALLS, defaultRate.calls()), MAX_CALLS),
                        atLeast(1, config.getInt(MAX_CALLS_SECONDS, defaultRate.seconds()), MAX_CALLS_SECONDS)));
    }

    /** The connect timeout also bounds the wait for a pooled connection: both are "getting a connection". */
    RequestConfig requestConfig() {
        int connectMillis = Math.toIntExact(connectTimeout.toMillis());
        return RequestConfig.custom()
                .setConnectionRequestTimeout(connectMillis)
                .setConnectTimeout(connectMillis)
                .setSocketTimeout(Math.toIntExact(readTimeout.toMillis()))
                .build();
    }

    /**
     * What the requests say they are: the bundle, its version, the register asked, and the deployer's contact, so
     * the register's operator can tell this traffic from anonymous scraping (Recherche d'entreprises asks for it).
     */
    String userAgent(String version, String register) {
        return "ceres-keycloak/" + version + " (company-register " + register
                + (contact == null ? "" : "; +" + contact) + ")";
    }

    Map<String, String> describe() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put(BASE_URL, baseUrl);
        info.put(CONNECT_TIMEOUT_MS, Long.toString(connectTimeout.toMillis()));
        info.put(READ_TIMEOUT_MS, Long.toString(readTimeout.toMillis()));
        info.put(DEADLINE_MS, Long.toString(deadline.toMillis()));
        info.put(CONTACT, contact == null ? "not set" : contact);
        info.put(CACHE_MAX_ENTRIES, Integer.toString(cacheMaxEntries));
        info.put(CACHE_TTL_SECONDS, Long.toString(cacheTtl.toSeconds()));
        info.put(NEGATIVE_CACHE_TTL_SECONDS, Long.toString(negativeCacheTtl.toSeconds()));
        info.put(MAX_CALLS, Integer.toString(maxCalls.calls()));
        info.put(MAX_CALLS_SECONDS, Integer.toString(maxCalls.seconds()));
        return info;
    }

    private static String baseUrl(String value) {
        URI uri = URI.create(value.trim());
        boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
        if (!web || uri.getHost() == null) {
            throw new IllegalArgumentException(BASE_URL + " must be an absolute http(s) URL, got: " + value);
        }
        String url = uri.toString();
        // Paths are appended with a leading slash.
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String contact(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String contact = value.strip();
        if (!CONTACT_TEXT.matcher(contact).matches()) {
            throw new IllegalArgumentException(CONTACT + " must be at most 200 printable ASCII characters without"
                    + " parentheses (an email address or a URL), got: " + contact.replaceAll("\\p{Cntrl}", "?"));
        }
        return contact;
    }

    /** Zero timeouts mean "wait forever" to Apache HttpClient: refused, as are negative sizes. */
    private static int atLeast(int minimum, int value, String option) {
        if (value < minimum) {
            throw new IllegalArgumentException(option + " must be at least " + minimum + ", got: " + value);
        }
        return value;
    }
}
