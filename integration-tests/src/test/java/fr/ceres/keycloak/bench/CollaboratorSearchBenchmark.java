package fr.ceres.keycloak.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ceres.keycloak.it.support.PortalHttp;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The latency of the invite dialog's « Utilisateur » suggestions with 10,000
 * users in the realm: a gestionnaire of « Les Tilleuls », signed in, types names; each request asks
 * the access page's endpoint {@code acces/{centre}/personnes?q=} for people of the same company.
 *
 * <p>The realm holds 10,000 people of 200 companies (50 each, one of them the centre's), all with
 * names drawn from the same 40 × 40 first and last names, so a typed name matches hundreds of
 * people in the realm of whom only the centre's company's may come back. A benchmark, not a test:
 * run by the {@code bench} profile only; it asserts correctness (200, at most 10 suggestions, each
 * of the centre's company), never a timing, and writes {@code target/benchmark/collaborator-search.txt}.
 */
@KeycloakIntegrationTest(config = BenchServerConfig.class)
class CollaboratorSearchBenchmark {

    private static final int COMPANIES = 200;
    private static final int PEOPLE_PER_COMPANY = 50;
    private static final int IMPORT_BATCH = 1000;
    private static final int WARM_UP = 300;
    private static final int MEASURED = 2000;
    private static final int CONCURRENT_CLIENTS = 4;
    private static final String[] FIRST_NAMES = {"Camille", "Dominique", "Claude", "Alix", "Sacha", "Morgane",
            "Yannick", "Maxime", "Lucie", "Manon", "Hugo", "Louis", "Emma", "Léa", "Chloé", "Inès", "Jules",
            "Arthur", "Nathan", "Théo", "Paul", "Louise", "Jeanne", "Alice", "Rose", "Anna", "Lina", "Mila",
            "Gabriel", "Raphaël", "Adam", "Noé", "Sarah", "Julie", "Pierre", "Marie", "Nicolas", "Sophie",
            "Antoine", "Élodie"};
    private static final String[] LAST_NAMES = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard",
            "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David",
            "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont",
            "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc",
            "Guerin", "Muller", "Henry", "Roussel", "Nicolas"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    /** The realm's SMTP settings are environment placeholders; the mail server supplies real ones. */
    @InjectMailServer
    MailServer mailServer;

    @Test
    void suggestionsAmongTenThousandUsers() throws Exception {
        new BenchCentre(realm.admin()).gestionnaire();
        long seeding = System.nanoTime();
        importPeople();
        double seedSeconds = (System.nanoTime() - seeding) / 1e9;
        int usersInRealm = realm.admin().users().count();

        String searchUrl = realm.getBaseUrl() + "/ceres-portal/acces/" + BenchCentre.SIRET + "/personnes?q=";
        List<String> queries = queries();
        PortalHttp gestionnaire = signedIn();
        Round warmUp = round(gestionnaire, searchUrl, queries, WARM_UP, 0);
        Round single = round(gestionnaire, searchUrl, queries, MEASURED, 0);
        Round concurrent = concurrently(searchUrl, queries);

        StringBuilder report = BenchReport.start("Collaborator search benchmark: the invite dialog's suggestions, GET acces/{centre}/personnes?q=")
                .append(String.format("realm     %d users (%d companies × %d people + the gestionnaire), imported in %.1f s (partial import)%n",
                        usersInRealm, COMPANIES, PEOPLE_PER_COMPANY, seedSeconds))
                .append(String.format("          names drawn from %d first × %d last names: a query matches hundreds of people realm-wide,%n",
                        FIRST_NAMES.length, LAST_NAMES.length))
                .append(String.format("          of whom only the centre's company's (%d people) may be suggested%n", PEOPLE_PER_COMPANY))
                .append(String.format("queries   %d different ones (3 to 6 letters of a last or first name, lower case), cycled%n", queries.size()))
                .append("client    PortalHttp (java.net.http, loopback), each client signed in as the gestionnaire\n")
                .append(String.format("runs      %d unmeasured, %d sequential by 1 client, then %d clients × %d at once%n%n",
                        WARM_UP, MEASURED, CONCURRENT_CLIENTS, MEASURED / CONCURRENT_CLIENTS))
                .append("latency (ms)     requests      p50      p90      p99      max     req/s   suggestions per answer\n")
                .append(single.line("1 client       "))
                .append(concurrent.line(CONCURRENT_CLIENTS + " clients      "));
        System.out.println("\n" + report);
        Path out = Path.of(System.getProperty("benchmark.dir", "target/benchmark"), "collaborator-search.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);

        // Correctness only, after the report is written so a failing run still leaves its figures.
        assertTrue(usersInRealm > COMPANIES * PEOPLE_PER_COMPANY, "the realm holds the 10,000 people");
        assertEquals(0, warmUp.wrong() + single.wrong() + concurrent.wrong(),
                "every answer 200, at most 10 suggestions, all of the centre's company");
        assertTrue(single.suggestions() > 0, "the queries do find people of the centre's company");
    }

    /** 200 companies of 50 people; the first company is the centre's. */
    private void importPeople() {
        Random random = new Random(20261128);
        List<UserRepresentation> batch = new ArrayList<>();
        for (int company = 0; company < COMPANIES; company++) {
            String siren = company == 0 ? BenchCentre.SIREN : String.format("%09d", 100_000_000 + company * 7919);
            for (int person = 0; person < PEOPLE_PER_COMPANY; person++) {
                UserRepresentation user = new UserRepresentation();
                user.setUsername("p" + person + "@" + siren + ".example");
                user.setEmail(user.getUsername());
                user.setEmailVerified(true);
                user.setEnabled(true);
                user.setFirstName(FIRST_NAMES[random.nextInt(FIRST_NAMES.length)]);
                user.setLastName(LAST_NAMES[random.nextInt(LAST_NAMES.length)]);
                user.setAttributes(Map.of("siret", List.of(siren + String.format("%05d", 10 + person % 5)),
                        "civilite", List.of("madame"), "telephone", List.of("+33612345678")));
                batch.add(user);
                if (batch.size() == IMPORT_BATCH) {
                    importBatch(batch);
                    batch = new ArrayList<>();
                }
            }
        }
        importBatch(batch);
    }

    private void importBatch(List<UserRepresentation> users) {
        PartialImportRepresentation partial = new PartialImportRepresentation();
        partial.setIfResourceExists(PartialImportRepresentation.Policy.FAIL.name());
        partial.setUsers(users);
        try (Response response = realm.admin().partialImport(partial)) {
            assertEquals(200, response.getStatus(), "partial import of " + users.size() + " users");
        }
    }

    /** What people type: 3 to 6 letters of a last or first name, lower case. */
    private static List<String> queries() {
        List<String> queries = new ArrayList<>();
        for (String name : LAST_NAMES) {
            queries.add(name.substring(0, Math.min(name.length(), 3 + queries.size() % 4)).toLowerCase());
        }
        for (String name : FIRST_NAMES) {
            queries.add(name.substring(0, Math.min(name.length(), 3 + queries.size() % 4)).toLowerCase());
        }
        return queries;
    }

    private PortalHttp signedIn() throws IOException, InterruptedException {
        return new PortalHttp(realm.getBaseUrl()).signIn(BenchCentre.EMAIL, BenchCentre.PASSWORD);
    }

    /** {@link #CONCURRENT_CLIENTS} signed-in clients at once, each on its own share of the queries. */
    private Round concurrently(String searchUrl, List<String> queries) throws Exception {
        List<Callable<Round>> clients = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_CLIENTS; i++) {
            PortalHttp client = signedIn();
            int offset = i * 7;
            clients.add(() -> round(client, searchUrl, queries, MEASURED / CONCURRENT_CLIENTS, offset));
        }
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_CLIENTS);
        try {
            long started = System.nanoTime();
            List<Round> rounds = new ArrayList<>();
            for (Future<Round> round : pool.invokeAll(clients)) {
                rounds.add(round.get());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Round(rounds.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).sorted().toArray(),
                    rounds.stream().mapToInt(Round::wrong).sum(), rounds.stream().mapToLong(Round::suggestions).sum(), seconds);
        } finally {
            pool.shutdown();
        }
    }

    /** {@code count} requests in sequence, cycling through the queries from {@code offset}. */
    private static Round round(PortalHttp client, String searchUrl, List<String> queries, int count, int offset)
            throws IOException, InterruptedException {
        long[] latencies = new long[count];
        int wrong = 0;
        long suggestions = 0;
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String url = searchUrl + URLEncoder.encode(queries.get((offset + i) % queries.size()), StandardCharsets.UTF_8);
            long start = System.nanoTime();
            HttpResponse<String> response = client.getJson(url);
            latencies[i] = System.nanoTime() - start;
            // Checked outside the timed span.
            int found = sameCompanySuggestions(response);
            if (found < 0) {
                wrong++;
            } else {
                suggestions += found;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        return new Round(latencies, wrong, suggestions, seconds);
    }

    /** How many suggestions, or -1 unless the answer is 200 with at most 10, all of the centre's company. */
    private static int sameCompanySuggestions(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            return -1;
        }
        JsonNode people = JSON.readTree(response.body());
        if (!people.isArray() || people.size() > 10) {
            return -1;
        }
        for (JsonNode person : people) {
            String email = person.path("email").asText();
            if (!email.endsWith("@" + BenchCentre.SIREN + ".example") && !email.equals(BenchCentre.EMAIL)) {
                return -1;
            }
        }
        return people.size();
    }

    /** Sorted latencies (ns) of requests, with how many were wrong and how many suggestions came back. */
    private record Round(long[] latencies, int wrong, long suggestions, double seconds) {

        String line(String label) {
            return String.format("%s  %9d  %7.2f  %7.2f  %7.2f  %7.2f  %8.0f   %5.2f%n", label, latencies.length,
                    BenchReport.percentile(latencies, 50) / 1e6, BenchReport.percentile(latencies, 90) / 1e6,
                    BenchReport.percentile(latencies, 99) / 1e6, latencies[latencies.length - 1] / 1e6,
                    latencies.length / seconds, (double) suggestions / latencies.length);
        }
    }
}
