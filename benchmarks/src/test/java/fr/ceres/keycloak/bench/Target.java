package fr.ceres.keycloak.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One server under benchmark, as the scenarios see it: its name in request names ("vanilla", "bundle"), its
 * address, its clients' secrets, and the cheap read that stands for the bundle's pre-fill.
 *
 * @param plainSecret the secret of the client {@code plain} (the client ceres without the bundle's mapper), on the
 *                    bundle's server only
 * @param cheapReadPath the pre-fill look-up on the bundle, the discovery document on vanilla
 * @param signedUpMarker what the page after a sign-up says: "check your email"
 */
record Target(String name, String serverUrl, String ceresSecret, String serviceSecret, String plainSecret,
              String cheapReadPath, String signedUpMarker) {

    static final String REALM = "mes-demarches";
    static final String SERVICE_CLIENT = "bench-service";
    static final String PLAIN_CLIENT = "plain";
    /**
     * What the clients ceres and plain ask: Keycloak puts the organization claim in the token of a member of several
     * organizations (here three centres) only for {@code organization:*}; {@code organization} alone, its default
     * scope, gives no claim then.
     */
    static final String CERES_SCOPE = "openid organization:*";

    /** The same server under another name: the warm-up's requests, kept apart from the measured ones. */
    Target named(String other) {
        return new Target(other, serverUrl, ceresSecret, serviceSecret, plainSecret, cheapReadPath, signedUpMarker);
    }

    String realmUrl() {
        return serverUrl + "/realms/" + REALM;
    }

    String tokenUrl() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    /**
     * The authorization request of {@code clientId}, code flow with PKCE, back to {@code redirectUri}, asking
     * {@code scope}.
     */
    String authorizeUrl(String endpoint, String clientId, String scope, String redirectUri, String challenge) {
        return realmUrl() + "/protocol/openid-connect/" + endpoint + "?client_id=" + clientId + "&response_type=code"
                + "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
                + "&code_challenge_method=S256&code_challenge=" + challenge;
    }
}
