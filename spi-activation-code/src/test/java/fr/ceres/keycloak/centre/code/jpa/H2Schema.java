package fr.ceres.keycloak.centre.code.jpa;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
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

/**
 * A private in-memory H2 database built the way Keycloak builds the bundle's tables: Liquibase
 * applies {@code META-INF/ceres-changelog.xml} into {@code DATABASECHANGELOG_CERES}; then Hibernate
 * maps the entities with {@code validate}, so a mapping that disagrees with the changelog fails.
 * Public for the stores of other packages (invitations).
 */
public final class H2Schema implements AutoCloseable {

    static final String CHANGELOG_TABLE = "DATABASECHANGELOG_CERES";

    private final String url = "jdbc:h2:mem:ceres-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000";
    /** Counts the guarded "update … set STATE" statements sent, to show concurrent calls reached it. */
    private final AtomicInteger codeUpdates = new AtomicInteger();
    private EntityManagerFactory emf;

    public H2Schema applyChangelog() {
        try (Connection connection = connection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDatabaseChangeLogTableName(CHANGELOG_TABLE);
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CeresEntityProvider.CHANGELOG)
                    .execute();
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("changelog did not apply", e);
        }
        return this;
    }

    public H2Schema mapEntities() {
        emf = new HibernatePersistenceConfiguration("ceres-test")
                .managedClasses(CeresEntityProvider.ENTITIES)
                .property("jakarta.persistence.jdbc.url", url)
                .property("jakarta.persistence.jdbc.user", "sa")
                .property("jakarta.persistence.jdbc.password", "")
                .property("hibernate.hbm2ddl.auto", "validate")
                .property("hibernate.connection.pool_size", "30")
                .property("hibernate.session_factory.statement_inspector",
                        (org.hibernate.resource.jdbc.spi.StatementInspector) this::inspect)
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

    int codeUpdates() {
        return codeUpdates.get();
    }

    private String inspect(String sql) {
        if (sql.toLowerCase().startsWith("update ceres_activation_code")) {
            codeUpdates.incrementAndGet();
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
