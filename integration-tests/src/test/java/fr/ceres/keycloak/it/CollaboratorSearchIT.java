package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ceres.keycloak.access.invite.AccentFolding;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.Gestionnaires;
import fr.ceres.keycloak.it.support.PortalAccounts;
import fr.ceres.keycloak.it.support.PortalHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The invite dialog's « Utilisateur » search as the gestionnaire's browser calls it: names found without accents or
 * case, then its latency on PostgreSQL among 105,000 accounts of 2,001 companies, the gestionnaire's own company
 * being one of 50 people or one of 5,000.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CollaboratorSearchIT {

    /** The big company: 5,000 seeded accounts beside Alice's colleagues. */
    private static final String ACADEMIE = "41823967900016";
    /** A company of 50 seeded accounts, like the 1,999 others. */
    private static final String VAL_DE_LOIRE = "52047381000015";
    private static final String ALICE = "alice@academie.fr";
    private static final String DENIS = "denis@valdeloire.fr";
    /** Addresses that do not hold their names: only the names can find them. */
    private static final String EMILIE = "e.l@academie.fr";
    private static final String FRANCOIS = "f.n@academie.fr";

    private static final int BIG_COMPANY = 5_000;
    private static final int COMPANIES = 2_000;
    private static final int PER_COMPANY = 50;
    private static final int WARM_UP = 60;
    private static final int MEASURED = 300;
    private static final long P95_LIMIT_MS = 50;
    /**
     * A company of 5,000: each of its accounts is read through the user table's primary key before any name is
     * compared (about 25 ms of PostgreSQL on two busy cores), so it gets twice the time; a guard against it growing.
     */
    private static final long BIG_COMPANY_P95_LIMIT_MS = 100;
    private static final String SEED = "seed-";
    private static final String SEED_DOMAIN = ".seed.example";
    private static final List<String> FIRST_NAMES = List.of("Émilie", "François", "Hélène", "Chloé", "Zoé", "Jérôme",
            "Noël", "Anaïs", "Loïc", "Gaëlle", "Léa", "Inès", "Raphaël", "Joël", "Cécile", "Amélie", "Frédéric", "Aurélie",
            "Mathéo", "Clément", "Camille", "Lucas", "Louise", "Hugo", "Manon", "Jules", "Alice", "Paul", "Sarah", "Nicolas",
            "Julie", "Pierre", "Marie", "Thomas", "Sophie", "Antoine", "Laura", "Maxime", "Emma", "Arthur");
    private static final List<String> LAST_NAMES = List.of("Leroÿ", "Lefèvre", "Müller", "Noël", "Gérard", "Bénard",
            "Mézières", "Lemaître", "Béranger", "Hébert", "Dupont", "Martin", "Bernard", "Dubois", "Durand", "Moreau",
            "Laurent", "Simon", "Michel", "Garcia", "Roux", "Fournier", "Girard", "Bonnet", "Lambert", "Fontaine",
            "Rousseau", "Vincent", "Muller", "Leroy", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier",
            "Chevalier", "François", "Legrand");
    /**
     * What gestionnaires type: parts of names with and without their accents, two words, part of an address, and
     * words nobody's name holds (the whole company is read for nothing).
     */
    private static final List<String> TYPED = List.of("emilie", "Émilie", "leroy", "Leroÿ", "francois", "françois",
            "helene", "hélène", "lefevre", "lefèvre", "muller", "müller", "chloe", "zoe", "noel", "jerome", "gaelle",
            "dupont", "martin", "dur", "ber", "gar", "emilie dupont", "francois lef", "cecile mar", "p12", "zzqx",
            "xylophone", "personne ici", "œuvre", "Cœur", "qwerty", "MEZIERES", "anaïs", "loic", "amélie guérin");
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    /** The realm's SMTP settings are environment placeholders; the mail server supplies real ones. */
    @InjectMailServer
    MailServer mailServer;

    @InjectAdminClient
    Keycloak admin;

    /** Made once: the realm lives as long as the class. */
    private static PortalHttp alice;
    private static PortalHttp denis;

    @BeforeEach
    void gestionnaires() throws Exception {
        if (alice != null) {
            return;
        }
        Gestionnaires gestionnaires = new Gestionnaires(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString());
        gestionnaires.register(ACADEMIE, List.of());
        gestionnaires.register(VAL_DE_LOIRE, List.of());
        PortalAccounts.create(realm, ALICE, "Alice", "Martin", ACADEMIE);
        PortalAccounts.create(realm, DENIS, "Denis", "Morel", VAL_DE_LOIRE);
        PortalAccounts.create(realm, EMILIE, "Émilie", "Leroÿ", ACADEMIE);
        PortalAccounts.create(realm, FRANCOIS, "François", "Noël", ACADEMIE);
        gestionnaires.attach(ALICE, ACADEMIE);
        gestionnaires.attach(DENIS, VAL_DE_LOIRE);
        alice = new PortalHttp(realm.getBaseUrl()).signIn(ALICE, Applicant.PASSWORD);
        denis = new PortalHttp(realm.getBaseUrl()).signIn(DENIS, Applicant.PASSWORD);
    }

    @Test
    @Order(1)
    @DisplayName("Given names with accents, then typing them with or without accents or capitals finds them, in the list and without script")
    void accentsAreFolded() throws Exception {
        for (String typed : List.of("emilie", "Émilie", "EMILIE", "leroy", "Leroÿ", "emilie leroy", "E\u0301milie")) {
            assertEquals(List.of(EMILIE), emails(alice, ACADEMIE, typed), typed);
        }
        for (String typed : List.of("francois", "François", "FRANCOIS", "noel", "Noël", "franc noe")) {
            assertEquals(List.of(FRANCOIS), emails(alice, ACADEMIE, typed), typed);
        }
        String page = page(ACADEMIE);
        String searched = alice.post(page + "/inviter", Map.of("csrf", PortalHttp.csrfOf(alice.get(page).body()),
                "etape", "rechercher", "mode", "compte", "utilisateur", "emilie", "role", "centre-agree", "siret", ACADEMIE)).body();
        assertTrue(searched.contains("Émilie Leroÿ"), searched);
        assertTrue(searched.contains(EMILIE), searched);
    }

    @Test
    @Order(2)
    @DisplayName("Given 105,000 accounts of 2,001 companies on PostgreSQL, then the search answers at p95 within 50 ms for a company of 50, 100 ms for one of 5,000")
    void latencyAmongAHundredThousand() throws Exception {
        assumeTrue("remote".equals(System.getProperty("kc.test.database"))
                && "postgres".equals(System.getProperty("kc.test.database.vendor")), "measured on PostgreSQL only");
        String realmId = realm.admin().toRepresentation().getId();
        try (Connection db = DriverManager.getConnection(System.getProperty("kc.test.database.url"),
                System.getProperty("kc.test.database.user"), System.getProperty("kc.test.database.password"))) {
            try {
                long seeding = System.nanoTime();
                seed(db, realmId);
                System.out.printf("%nCollaborator search: %d accounts seeded in %.1f s%n", seeded(db, realmId),
                        (System.nanoTime() - seeding) / 1e9);
                long measuring = System.nanoTime();
                long[] typical = measure(denis, VAL_DE_LOIRE);
                long[] big = measure(alice, ACADEMIE);
                System.out.printf("Collaborator search: %d searches in %.1f s%n", 2 * (WARM_UP + MEASURED),
                        (System.nanoTime() - measuring) / 1e9);
                report("company of 50   ", typical);
                report("company of 5,000", big);
                List<Executable> checks = new ArrayList<>();
                for (String typed : List.of("emilie", "emilie dupont", "zzqx")) {
                    for (String centre : List.of(VAL_DE_LOIRE, ACADEMIE)) {
                        String plan = plan(db, realmId, centre, typed);
                        checks.add(() -> assertTrue(plan.contains("idx_user_attribute_name") && !plan.contains("Seq Scan on user_attribute"),
                                "the company's rows are found through the (NAME, VALUE) index: " + plan));
                    }
                }
                List<String> plain = emails(alice, ACADEMIE, "lefevre");
                List<String> accented = emails(alice, ACADEMIE, "LEFÈVRE");
                checks.add(() -> assertEquals(plain, accented, "with or without accents, the same people"));
                checks.add(() -> assertTrue(plain.size() > 1, "seeded people are found: " + plain));
                checks.add(() -> assertTrue(percentile(typical, 95) <= P95_LIMIT_MS * 1_000_000, "p95, company of 50"));
                checks.add(() -> assertTrue(percentile(big, 95) <= BIG_COMPANY_P95_LIMIT_MS * 1_000_000, "p95, company of 5,000"));
                // All of them, so that one run shows every check that fails.
                assertAll(checks);
            } finally {
                unseed(db, realmId);
            }
        }
    }

    /**
     * Straight into Keycloak's tables, in seconds rather than the admin API's minutes: the columns Keycloak 26.7
     * fills for an activated account, a SIRET, and a checked status for every other one. Ids start with
     * {@value #SEED} so {@link #unseed} finds them.
     */
    private static void seed(Connection db, String realmId) throws SQLException {
        String company = "case when n < " + BIG_COMPANY + " then '" + ACADEMIE.substring(0, 9) + "'"
                + " when n < " + (BIG_COMPANY + PER_COMPANY) + " then '" + VAL_DE_LOIRE.substring(0, 9) + "'"
                + " else (100000000 + (n - " + (BIG_COMPANY + PER_COMPANY) + ") / " + PER_COMPANY + " * 7919)::text end";
        try (PreparedStatement users = db.prepareStatement("insert into user_entity (id, email, email_constraint,"
                + " email_verified, enabled, first_name, last_name, realm_id, username, created_timestamp, not_before)"
                + " select '" + SEED + "' || n, mail, mail, true, true, (?::text[])[1 + n % 40], (?::text[])[1 + n / 40 % 40],"
                + " ?, mail, 0, 0 from (select n, 'p' || n || '@' || " + company + " || '" + SEED_DOMAIN + "' as mail"
                + " from generate_series(0, ?) n) people");
                Statement statement = db.createStatement()) {
            users.setArray(1, db.createArrayOf("text", FIRST_NAMES.toArray()));
            users.setArray(2, db.createArrayOf("text", LAST_NAMES.toArray()));
            users.setString(3, realmId);
            users.setInt(4, BIG_COMPANY + COMPANIES * PER_COMPANY - 1);
            users.executeUpdate();
            statement.executeUpdate("insert into user_attribute (id, name, value, user_id)"
                    + " select 'a' || id, 'siret', split_part(split_part(email, '@', 2), '.', 1) || lpad((10 + right(id, 1)::int % 5)::text, 5, '0'), id"
                    + " from user_entity where id like '" + SEED + "%'");
            statement.executeUpdate("insert into user_attribute (id, name, value, user_id)"
                    + " select 'b' || id, 'siretStatut', 'verifie', id from user_entity where id like '" + SEED + "%' and right(id, 1)::int % 2 = 0");
            statement.execute("analyze user_entity");
            statement.execute("analyze user_attribute");
        }
    }

    private static int seeded(Connection db, String realmId) throws SQLException {
        try (PreparedStatement count = db.prepareStatement("select count(*) from user_entity where realm_id = ? and id like ?")) {
            count.setString(1, realmId);
            count.setString(2, SEED + "%");
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void unseed(Connection db, String realmId) throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate("delete from user_attribute where user_id like '" + SEED + "%'");
            statement.executeUpdate("delete from user_entity where id like '" + SEED + "%'");
        }
        System.out.printf("Collaborator search: seeded accounts deleted in %.1f s%n", (System.nanoTime() - started) / 1e9);
        assertEquals(0, seeded(db, realmId), "the seeded accounts are gone");
    }

    /** Sorted latencies (ns) of {@value #MEASURED} searches in sequence, after {@value #WARM_UP} unmeasured ones. */
    private long[] measure(PortalHttp gestionnaire, String centre) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            search(gestionnaire, centre, TYPED.get(i % TYPED.size()));
        }
        long[] latencies = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            String typed = TYPED.get(i % TYPED.size());
            long start = System.nanoTime();
            HttpResponse<String> answer = search(gestionnaire, centre, typed);
            latencies[i] = System.nanoTime() - start;
            assertEquals(200, answer.statusCode(), typed);
            for (JsonNode person : JSON.readTree(answer.body())) {
                assertTrue(person.path("declared").path("siret").asText().startsWith(centre.substring(0, 9)),
                        typed + ": only the company's people: " + answer.body());
            }
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private static void report(String label, long[] sorted) {
        System.out.printf("Collaborator search, %s: %d searches, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                label, sorted.length, percentile(sorted, 50) / 1e6, percentile(sorted, 95) / 1e6,
                percentile(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /** Nearest rank: the smallest value that at least p % of the sorted values do not exceed. */
    private static long percentile(long[] sorted, int p) {
        return sorted[(int) Math.ceil(p / 100.0 * sorted.length) - 1];
    }

    /**
     * PostgreSQL's plan of the search, as Hibernate writes it for one or two words, with the values as parameters
     * of a prepared statement: first as planned for these values, then the generic plan the JDBC driver's
     * server-side statements may settle on after a few runs.
     */
    private static String plan(Connection db, String realmId, String centre, String typed) throws SQLException {
        String[] words = typed.split(" ");
        StringBuilder sql = new StringBuilder("select u.first_name, u.last_name, u.email, s.value,"
                + " (select max(st.value) from user_attribute st where st.user_id = u.id and st.name = $1)"
                + " from user_entity u join user_attribute s on u.id = s.user_id"
                + " where s.name = $2 and s.value >= $3 and s.value < $4 and s.value like $5"
                + " and u.realm_id = $6 and u.enabled and u.email_verified"
                + " and u.service_account_client_link is null and u.email is not null");
        String name = "(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, ''))";
        for (int i = 0; i < words.length; i++) {
            int word = 7 + 2 * i;
            sql.append(" and (lower(u.email) like $").append(word).append(" escape '\\' or (lower(").append(name)
                    .append(") like $").append(word + 1).append(" escape '\\' and ").append(AccentFolding.jpql(name))
                    .append(" like $").append(word).append(" escape '\\'))");
        }
        sql.append(" order by u.last_name, u.first_name, u.email fetch first 10 rows only");
        String siren = centre.substring(0, 9);
        StringBuilder values = new StringBuilder("'siretStatut', 'siret', '" + siren + "', '"
                + String.format("%09d", Long.parseLong(siren) + 1) + "', '" + siren + "%', '" + realmId + "'");
        for (String word : words) {
            values.append(", '%").append(word).append("%', '").append(AccentFolding.beforeFolding(word)).append("'");
        }
        List<String> lines = new ArrayList<>();
        try (Statement statement = db.createStatement()) {
            statement.execute("prepare search as " + sql);
            for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                statement.execute("set plan_cache_mode = " + mode);
                lines.add("-- " + mode);
                try (ResultSet plan = statement.executeQuery("explain (analyze, buffers) execute search(" + values + ")")) {
                    while (plan.next()) {
                        lines.add(plan.getString(1));
                    }
                }
            }
            statement.execute("reset plan_cache_mode");
            statement.execute("deallocate search");
        }
        String plan = String.join("\n", lines);
        System.out.printf("%nPlan of the search, centre %s, typed « %s »:%n%s%n", centre, typed, plan);
        return plan;
    }

    private HttpResponse<String> search(PortalHttp gestionnaire, String centre, String typed) throws Exception {
        return gestionnaire.getJson(page(centre) + "/personnes?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
    }

    private List<String> emails(PortalHttp gestionnaire, String centre, String typed) throws Exception {
        HttpResponse<String> answer = search(gestionnaire, centre, typed);
        assertEquals(200, answer.statusCode(), typed + ": " + answer.body());
        List<String> emails = new ArrayList<>();
        JSON.readTree(answer.body()).forEach(person -> emails.add(person.path("email").asText()));
        return emails;
    }

    private String page(String centre) {
        return realm.getBaseUrl() + "/ceres-portal/acces/" + centre;
    }
}
