package fr.ceres.keycloak.common;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.util.JpaUtils;

/**
 * A private in-memory H2 database holding one module's tables, built the way Keycloak builds them: Liquibase
 * applies the module's changelog into the history table Keycloak would use; then Hibernate maps the entities
 * with {@code validate}, so a mapping that disagrees with the changelog fails. For the stores' tests of every
 * module (this test jar is shared).
 */
public final class H2Schema implements AutoCloseable {

    private final String url = "jdbc:h2:mem:ceres-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000";
    private final JpaEntityProvider tables;
    /** Counts the {@code update <table>} statements sent, to show that concurrent calls reached the database. */
    private final Map<String, AtomicInteger> updates = new ConcurrentHashMap<>();
    private EntityManagerFactory emf;

    /** The tables of one module, as its {@link EntityTables} declares them. */
    public H2Schema(EntityTables module) {
        this.tables = module.create(null);
    }

    /** Keycloak's name for the module's changelog history table. */
    public String historyTable() {
        return JpaUtils.getCustomChangelogTableName(tables.getFactoryId());
    }

    public H2Schema applyChangelog() {
        return applyChangelog(tables.getChangelogLocation(), historyTable());
    }

    /** Applies a changelog with its history in the given table: for a database as an older version left it. */
    public H2Schema applyChangelog(String changelog, String historyTable) {
        try (Connection connection = connection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDatabaseChangeLogTableName(historyTable);
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                    .execute();
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("changelog did not apply", e);
        }
        return this;
    }

    public H2Schema mapEntities() {
        emf = new HibernatePersistenceConfiguration("ceres-test")
                .managedClasses(tables.getEntities())
                .property("jakarta.persistence.jdbc.url", url)
                .property("jakarta.persistence.jdbc.user", "sa")
                .property("jakarta.persistence.jdbc.password", "")
                .property("hibernate.hbm2ddl.auto", "validate")
                .property("hibernate.connection.pool_size", "30")
                .property("hibernate.session_factory.statement_inspector", (StatementInspector) this::inspect)
                .createEntityManagerFactory();
        return this;
    }

    public Connection connection() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    /** Runs the work in its own transaction on its own entity manager, as one Keycloak request would. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** How many {@code update} statements on the table were sent so far. */
    public int updatesOf(String table) {
        AtomicInteger count = updates.get(table.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    private String inspect(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        if (lower.startsWith("update ")) {
            String table = lower.substring("update ".length()).split("\\s", 2)[0];
            updates.computeIfAbsent(table, t -> new AtomicInteger()).incrementAndGet();
        }
        return sql;
    }

    @Override
    public void close() throws SQLException {
        if (emf != null) {
            emf.close();
        }
        try (Connection connection = connection()) {
            connection.createStatement().execute("SHUTDOWN");
        }
    }
}
