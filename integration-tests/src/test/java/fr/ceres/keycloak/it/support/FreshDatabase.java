package fr.ceres.keycloak.it.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives each test run an empty database on the machine's PostgreSQL or MariaDB, before the test framework starts a
 * server on it: the database named by {@code kc.test.database.url} is dropped and made again, and its user
 * ({@code kc.test.database.user}) is made if missing. Runs only when the tests are pointed at a remote database
 * ({@code kc.test.database=remote}); the dev-mode databases are fresh by themselves.
 *
 * <p>It works through each server's administrator, as every machine of the project has it: {@code postgres} by
 * trust on PostgreSQL, {@code root} without password on MariaDB.
 */
public final class FreshDatabase implements LauncherSessionListener {

    private static final String PREFIX = "kc.test.database";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!"remote".equals(System.getProperty(PREFIX))) {
            return;
        }
        String vendor = required("vendor");
        URI url = URI.create(required("url").substring("jdbc:".length()));
        String database = url.getPath().substring(1);
        String user = required("user");
        String password = required("password");
        try {
            switch (vendor) {
                case "postgres" -> postgres(url.getAuthority(), database, user, password);
                case "mariadb" -> mariadb(url.getAuthority(), database, user, password);
                default -> throw new IllegalStateException("No fresh database for the vendor " + vendor);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make the test database " + database + " on " + vendor, e);
        }
    }

    /**
     * Drops the PostgreSQL database at {@code host:port} of that name, closing its connections, and makes it again,
     * owned by {@code user} (made if missing); returns its JDBC URL.
     */
    public static String postgres(String authority, String database, String user, String password) throws SQLException {
        run("jdbc:postgresql://" + authority + "/postgres", "postgres", List.of(
                "DROP DATABASE IF EXISTS " + identifier(database) + " WITH (FORCE)",
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + identifier(user) + "') THEN "
                        + "CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'; END IF; END $$",
                "CREATE DATABASE " + database + " OWNER " + user));
        return "jdbc:postgresql://" + authority + "/" + database;
    }

    /** The same on MariaDB; the user is made for connections from 127.0.0.1. */
    public static String mariadb(String authority, String database, String user, String password) throws SQLException {
        run("jdbc:mariadb://" + authority + "/", "root", List.of(
                "DROP DATABASE IF EXISTS " + identifier(database),
                "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
                "CREATE USER IF NOT EXISTS '" + identifier(user) + "'@'127.0.0.1' IDENTIFIED BY '" + password + "'",
                "GRANT ALL PRIVILEGES ON " + database + ".* TO '" + user + "'@'127.0.0.1'"));
        return "jdbc:mariadb://" + authority + "/" + database;
    }

    /** As the server's administrator: by trust on PostgreSQL, without password on MariaDB. */
    private static void run(String adminUrl, String admin, List<String> statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl, admin, "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Names go into statements as they are, so only plain ones are taken. */
    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("Not a plain database name: " + name);
        }
        return name;
    }

    private static String required(String option) {
        String value = System.getProperty(PREFIX + "." + option);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Missing " + PREFIX + "." + option + " for the remote test database");
        }
        return value;
    }
}
