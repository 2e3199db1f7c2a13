package fr.ceres.keycloak.siret.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.ceres.keycloak.common.BundleMetrics;
import fr.ceres.keycloak.siret.register.CompanyRegisterProvider;
import fr.ceres.keycloak.siret.register.Establishment;
import fr.ceres.keycloak.siret.register.LookupResult;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PrefillTest {

    private static final String CLIENT = "192.0.2.1";
    private static final String SIRET = "73282932000074";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Prefill prefill = new Prefill(new RateLimiter(30, 100, () -> 0L), new BundleMetrics(registry));

    private PrefillAnswer ask(String siret, CompanyRegisterProvider register) {
        return prefill.answer(CLIENT, siret, () -> register);
    }

    @Test
    @DisplayName("Given an active establishment, then 200 with only its public fields")
    void active() {
        PrefillAnswer answer = ask("732 829 320 00074", siret -> new LookupResult.Found(
                new Establishment("73282932000074", "GOOGLE FRANCE", "8 RUE DE LONDRES", "75009 PARIS", true)));
        assertEquals(200, answer.status());
        assertEquals(Map.of("siret", SIRET, "siren", "732829320", "raisonSociale", "GOOGLE FRANCE",
                "adresse", "8 RUE DE LONDRES", "commune", "75009 PARIS", "active", true, "missing", List.of()), answer.body());
        assertTrue(answer.retryAfterSeconds().isEmpty());
    }

    @Test
    @DisplayName("Given an establishment whose register masks name and address, then they are absent and listed to type")
    void masked() {
        PrefillAnswer answer = ask(SIRET, siret -> new LookupResult.Found(
                new Establishment(SIRET, "[NON-DIFFUSIBLE]", "[NON-DIFFUSIBLE] [NON-DIFFUSIBLE]", "[NON-DIFFUSIBLE] PARIS 11", true)));
        assertEquals(200, answer.status());
        assertEquals(Map.of("siret", SIRET, "siren", "732829320", "active", true,
                "missing", List.of("raisonSociale", "adresse", "commune")), answer.body());
    }

    @Test
    @DisplayName("Given a closed establishment, then 410 with the same fields and active false")
    void closed() {
        PrefillAnswer answer = ask(SIRET, siret -> new LookupResult.Found(
                new Establishment(SIRET, "ANCIENNE SOCIETE", "1 RUE X", "75001 PARIS", false)));
        assertEquals(410, answer.status());
        assertEquals(false, answer.body().get("active"));
        assertEquals("ANCIENNE SOCIETE", answer.body().get("raisonSociale"));
    }

    @Test
    @DisplayName("Given a malformed SIRET, then 400 invalid_siret and the register is not asked")
    void invalid() {
        AtomicInteger asked = new AtomicInteger();
        PrefillAnswer answer = ask("12345678900010", siret -> {
            asked.incrementAndGet();
            return new LookupResult.NotFound();
        });
        assertEquals(400, answer.status());
        assertEquals(Map.of("error", "invalid_siret"), answer.body());
        assertEquals(0, asked.get());
    }

    @Test
    @DisplayName("Given a SIRET the register does not know, then 404 unknown_siret")
    void unknown() {
        PrefillAnswer answer = ask(SIRET, siret -> new LookupResult.NotFound());
        assertEquals(404, answer.status());
        assertEquals(Map.of("error", "unknown_siret"), answer.body());
    }

    @Test
    @DisplayName("Given the register down, missing, throwing or answering nonsense, then 503 register_unavailable")
    void unavailable() {
        Map<String, Object> body = Map.of("error", "register_unavailable");
        assertEquals(503, ask(SIRET, siret -> new LookupResult.Unavailable("timeout")).status());
        assertEquals(body, ask(SIRET, null).body());
        assertEquals(body, ask(SIRET, siret -> {
            throw new IllegalStateException("provider bug");
        }).body());
        assertEquals(body, ask(SIRET, siret -> null).body());
        assertEquals(body, ask(SIRET, siret -> new LookupResult.Found(null)).body());
    }

    @Test
    @DisplayName("Given a client over its limit, then 429 rate_limited with Retry-After, even for bad SIRETs")
    void rateLimited() {
        Prefill strict = new Prefill(new RateLimiter(1, 100, () -> 0L), new BundleMetrics(registry));
        CompanyRegisterProvider register = siret -> new LookupResult.NotFound();
        assertEquals(400, strict.answer(CLIENT, "not a siret", () -> register).status());
        PrefillAnswer answer = strict.answer(CLIENT, SIRET, () -> register);
        assertEquals(429, answer.status());
        assertEquals(Map.of("error", "rate_limited"), answer.body());
        assertEquals(OptionalLong.of(60), answer.retryAfterSeconds());
        assertEquals(404, strict.answer("192.0.2.2", SIRET, () -> register).status());
    }

    @Test
    @DisplayName("Given answers of several kinds, then each is counted once under its HTTP status")
    void answersCountedByStatus() {
        ask(SIRET, siret -> new LookupResult.NotFound());
        ask(SIRET, siret -> new LookupResult.NotFound());
        ask("not a siret", siret -> new LookupResult.NotFound());
        ask(SIRET, siret -> new LookupResult.Unavailable("timeout"));

        assertEquals(2.0, answers("404"));
        assertEquals(1.0, answers("400"));
        assertEquals(1.0, answers("503"));
        assertEquals(3, registry.find("ceres.prefill.answers").counters().size(), "one series per status, nothing else");
    }

    private double answers(String status) {
        return registry.get("ceres.prefill.answers").tag("status", status).counter().count();
    }
}
