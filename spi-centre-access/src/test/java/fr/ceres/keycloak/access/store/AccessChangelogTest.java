package fr.ceres.keycloak.access.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.ServiceLoader;

import fr.ceres.keycloak.common.H2Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;

class AccessChangelogTest {

    /** Where the table's history was kept when one changelog, of the provider "ceres", held every table. */
    private static final String FORMER_HISTORY = "DATABASECHANGELOG_CERES";

    private final H2Schema schema = new H2Schema(new AccessEntityProviderFactory());

    @AfterEach
    void shutDown() throws SQLException {
        schema.close();
    }

    @Test
    @DisplayName("Given the bundle on the class path, then Keycloak's service loader finds the entity provider factory, with its own history table")
    void registered() {
        assertTrue(ServiceLoader.load(JpaEntityProviderFactory.class).stream()
                .anyMatch(p -> p.type() == AccessEntityProviderFactory.class));
        JpaEntityProvider provider = new AccessEntityProviderFactory().create(null);
        assertEquals(List.of(CeresInvitationEntity.class, MailSentEntity.class), provider.getEntities());
        assertNotNull(provider.getClass().getClassLoader().getResource(provider.getChangelogLocation()));
        assertEquals("DATABASECHANGELOG_CERES_ACCE", schema.historyTable());
    }

    @Test
    @DisplayName("Given a new database, then the changelog creates the table, its index, and the entity maps onto it")
    void newDatabase() throws SQLException {
        schema.applyChangelog().mapEntities();
        assertEquals(List.of(), schema.inTransaction(em -> new AccessRequestStore(em, "r").pendingOf("u")));
        assertEquals(1, count("select count(*) from INFORMATION_SCHEMA.INDEXES"
                + " where INDEX_NAME = 'IDX_CERES_INVITATION_CENTRE'"));
        assertEquals("EXECUTED", execType());
    }

    @Test
    @DisplayName("Given a database where the former single changelog created the table, then the change set is only recorded and the rows stay")
    void databaseOfTheSingleChangelog() throws SQLException {
        schema.applyChangelog(AccessEntityProviderFactory.CHANGELOG, FORMER_HISTORY);
        try (Connection c = schema.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into CERES_INVITATION (ID, REALM_ID, KIND, CENTRE, EMAIL, CREATED_AT, EXPIRES_AT,"
                    + " STATE, LINK_VERSION, LIVE_KEY) values ('kept', 'r', 'REQUEST', 'c', 'e', 1, 2, 'PENDING', 1, 'k')");
        }

        schema.applyChangelog().mapEntities();

        assertEquals("MARK_RAN", execType());
        assertEquals(1, count("select count(*) from CERES_INVITATION where ID = 'kept'"));
    }

    private String execType() throws SQLException {
        try (Connection c = schema.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select EXECTYPE from " + schema.historyTable())) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection c = schema.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
