package fr.ceres.keycloak.bench;

import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.it.support.Applicant;

/**
 * The accounts both servers get, made as the end-to-end tests make activated ones (support.ActivatedAccounts):
 * email verified, a password the realm's policy accepts, every attribute the realm's profile requires, so signing
 * in asks nothing but the password.
 */
final class BenchmarkPeople {

    static final String PASSWORD = Applicant.PASSWORD;

    private BenchmarkPeople() {
    }

    static String email(int i) {
        return "personne-" + i + "@centres.example";
    }

    static Map<String, Object> account(String email) {
        return Map.of("username", email, "email", email, "emailVerified", true, "enabled", true,
                "firstName", "Camille", "lastName", "Durand",
                "attributes", Map.of("siret", List.of(BenchmarkServers.SIRET), "civilite", List.of("madame"),
                        "telephone", List.of("+33612345678"), "raisonSociale", List.of("LES TILLEULS"),
                        "adresse", List.of("14 RUE DES TILLEULS"), "commune", List.of("92100 BOULOGNE-BILLANCOURT")),
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
    }
}
