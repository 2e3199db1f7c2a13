package fr.ceres.keycloak.centre.code.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import fr.ceres.keycloak.common.H2Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CeresChangelogTest {

    private final H2Schema schema = new H2Schema(new CeresEntityProviderFactory()).applyChangelog();

    @AfterEach
    void shutDown() throws SQLException {
        schema.close();
    }

    @Test
    @DisplayName("Given the changelog applied on H2, then the entities map onto it with Hibernate's validate")
    void entitiesMatchTheTables() {
        schema.mapEntities();
        int failures = schema.inTransaction(em -> new AttemptStore(em).failureTimesOfUserSince("r", "u", 0).size());
        assertEquals(0, failures);
    }

    @Test
    @DisplayName("Given the changelog applied twice, then the second run changes nothing and every change set is recorded once")
    void idempotent() throws SQLException {
        schema.applyChangelog();
        try (Connection c = schema.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + schema.historyTable())) {
            rs.next();
            assertEquals(4, rs.getInt(1));
        }
    }

    @Test
    @DisplayName("Given the tables, then they carry the indexes the lookups and rate limits use")
    void indexes() throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection c = schema.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select INDEX_NAME from INFORMATION_SCHEMA.INDEXES"
                        + " where TABLE_NAME like 'CERES_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        assertTrue(names.containsAll(Set.of("IDX_CERES_CODE_REALM_SIRET", "IDX_CERES_ATTEMPT_USER",
                "IDX_CERES_ATTEMPT_SIRET", "IDX_CERES_ATTEMPT_AT")), names.toString());
    }

    @Test
    @DisplayName("Given the changelog applied, then every lock row the attempts' stripes name exists")
    void lockRows() throws SQLException {
        try (Connection c = schema.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*), min(STRIPE), max(STRIPE) from CERES_ATTEMPT_LOCK")) {
            rs.next();
            assertEquals(AttemptLockEntity.STRIPES, rs.getInt(1));
            assertEquals(0, rs.getInt(2));
            assertEquals(AttemptLockEntity.STRIPES - 1, rs.getInt(3));
        }
    }

    @Test
    @DisplayName("Given an ISSUED code for a SIRET, then the database itself refuses a second ISSUED one")
    void oneIssuedCodePerSiret() throws SQLException {
        try (Connection c = schema.connection()) {
            insertIssued(c, "id-1");
            assertThrows(SQLException.class, () -> insertIssued(c, "id-2"));
        }
    }

    private static void insertIssued(Connection c, String id) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into CERES_ACTIVATION_CODE"
                + " (ID, REALM_ID, CENTRE_SIRET, CODE_HASH, STATE, LIVE_KEY, ISSUED_AT, EXPIRES_AT, ISSUED_BY)"
                + " values (?, 'realm', '73282932000074', 'h', 'ISSUED', 'realm/73282932000074', 1, 2, 'agent')")) {
            insert.setString(1, id);
            insert.executeUpdate();
        }
    }
}
