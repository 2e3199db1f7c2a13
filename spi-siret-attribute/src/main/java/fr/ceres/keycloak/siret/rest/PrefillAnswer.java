package fr.ceres.keycloak.siret.rest;

import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.Establishment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One answer of the pre-fill endpoint before it becomes an HTTP response; kept apart from JAX-RS so
 * the mapping is unit-tested without a server.
 *
 * @param status            the HTTP status
 * @param body              the JSON object to send
 * @param retryAfterSeconds the {@code Retry-After} value, only for 429
 */
record PrefillAnswer(int status, Map<String, Object> body, OptionalLong retryAfterSeconds) {

    static final int OK = 200;
    static final int BAD_REQUEST = 400;
    static final int NOT_FOUND = 404;
    static final int GONE = 410;
    static final int TOO_MANY_REQUESTS = 429;
    static final int SERVICE_UNAVAILABLE = 503;

    static PrefillAnswer establishment(Siret siret, Establishment establishment) {
        // Only the register's public fields, named as the user-profile attributes they pre-fill.
        // The SIRET is the one asked for, in canonical form, whatever the register echoes.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siret", siret.value());
        body.put("siren", siret.siren());
        putIfGiven(body, "raisonSociale", establishment.raisonSociale());
        putIfGiven(body, "adresse", establishment.adresse());
        putIfGiven(body, "commune", establishment.commune());
        body.put("active", establishment.active());
        // What the register did not give (masked for a non-diffusible establishment, or unknown): the page
        // asks the person to type it.
        body.put("missing", establishment.missingFields());
        // A closed establishment gets its own status, so the page can say "closed" instead of
        // pre-filling as if nothing were wrong.
        return new PrefillAnswer(establishment.active() ? OK : GONE, body, OptionalLong.empty());
    }

    /** An absent field is left out: the page never shows anything in its place. */
    private static void putIfGiven(Map<String, Object> body, String field, String value) {
        if (!value.isEmpty()) {
            body.put(field, value);
        }
    }

    static PrefillAnswer invalidSiret() {
        return error(BAD_REQUEST, "invalid_siret");
    }

    static PrefillAnswer unknownSiret() {
        return error(NOT_FOUND, "unknown_siret");
    }

    static PrefillAnswer registerUnavailable() {
        return error(SERVICE_UNAVAILABLE, "register_unavailable");
    }

    static PrefillAnswer rateLimited(long retryAfterSeconds) {
        return new PrefillAnswer(TOO_MANY_REQUESTS, Map.of("error", "rate_limited"), OptionalLong.of(retryAfterSeconds));
    }

    private static PrefillAnswer error(int status, String error) {
        return new PrefillAnswer(status, Map.of("error", error), OptionalLong.empty());
    }
}
