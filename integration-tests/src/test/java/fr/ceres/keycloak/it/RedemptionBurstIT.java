package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.ceres.keycloak.it.support.ActivatedAccounts;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CentreLetters;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.HttpAttachSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * A burst of redemptions far larger than the server's database connection pool: every request must be answered
 * (the code for the application, or a French refusal on the page), none with a server error, and what each one
 * was told must be what the database holds.
 */
@KeycloakIntegrationTest(config = RedemptionBurstIT.SmallPool.class)
class RedemptionBurstIT {

    private static final List<String> CENTRES = List.of("73282932000074", "13002526500013", "35600000000048",
            "52047381000015", "48915602600010", "79034418800012", "50361942100012", "81273055400019");
    private static final int PEOPLE_PER_CENTRE = 8;
    private static final int POOL = 4;

    /** The bundle's server with a database pool much smaller than the burst. */
    public static final class SmallPool implements KeycloakServerConfig {
        @Override
        public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
            return new CeresServerConfig().configure(config)
                    .option("db-pool-initial-size", "1")
                    .option("db-pool-min-size", "1")
                    .option("db-pool-max-size", Integer.toString(POOL));
        }
    }

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @Test
    @Tag("concurrency")
    @DisplayName("Given " + PEOPLE_PER_CENTRE + " people per centre for 8 centres redeeming at the same instant on a pool of "
            + POOL + " connections, then every one is answered, one per centre becomes gestionnaire, and each answer matches what was stored")
    void burstLargerThanThePool() throws Exception {
        CentreLetters letters = new CentreLetters(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString());
        Map<String, String> codes = new LinkedHashMap<>();
        for (String siret : CENTRES) {
            codes.put(siret, letters.registerAndIssue(siret));
        }
        List<Attempt> attempts = new ArrayList<>();
        for (String siret : CENTRES) {
            for (int i = 0; i < PEOPLE_PER_CENTRE; i++) {
                String email = "burst-" + i + "@" + siret + ".fr";
                ActivatedAccounts.create(realm, email);
                attempts.add(new Attempt(email, siret, new HttpAttachSession(realm.getBaseUrl()).signIn(email, Applicant.PASSWORD)));
            }
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(attempts.size());
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (Attempt attempt : attempts) {
                Callable<HttpResponse<String>> post = () -> {
                    start.await();
                    return attempt.session().attach(attempt.siret(), codes.get(attempt.siret()));
                };
                answers.add(threads.submit(post));
            }
            long began = System.nanoTime();
            start.countDown();
            Map<String, List<String>> toldWinners = new LinkedHashMap<>();
            int refused = 0;
            for (int i = 0; i < attempts.size(); i++) {
                Attempt attempt = attempts.get(i);
                HttpResponse<String> answer = answers.get(i).get();
                assertTrue(answer.statusCode() < 500, attempt.email() + " was answered " + answer.statusCode());
                if (HttpAttachSession.isCodeForTheApplication(answer)) {
                    toldWinners.computeIfAbsent(attempt.siret(), s -> new ArrayList<>()).add(attempt.email());
                } else {
                    String page = attempt.session().pageAfter(answer);
                    assertTrue(page.contains("a déjà été activé"), attempt.email() + " was shown: " + page);
                    refused++;
                }
            }
            System.out.printf("RedemptionBurstIT: %d redemptions of %d codes on a pool of %d in %d ms: %d redeemed, %d refused%n",
                    attempts.size(), CENTRES.size(), POOL, (System.nanoTime() - began) / 1_000_000,
                    toldWinners.values().stream().mapToInt(List::size).sum(), refused);
            for (String siret : CENTRES) {
                List<String> members = members(siret);
                assertEquals(1, members.size(), "one gestionnaire for " + siret + ": " + members);
                assertEquals(members, toldWinners.getOrDefault(siret, List.of()), "who was told they won " + siret);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** The centre's members, as the admin API lists them. */
    private List<String> members(String siret) {
        OrganizationRepresentation centre = realm.admin().organizations().getAll().stream()
                .filter(o -> siret.equals(o.getAlias())).findFirst().orElseThrow();
        return realm.admin().organizations().get(centre.getId()).members().getAll().stream()
                .map(MemberRepresentation::getUsername)
                .toList();
    }

    private record Attempt(String email, String siret, HttpAttachSession session) {
    }
}
