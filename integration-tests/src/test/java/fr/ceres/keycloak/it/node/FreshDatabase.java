package fr.ceres.keycloak.it.node;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An empty PostgreSQL database for one run, made as the superuser of the machine's server (127.0.0.1:5432,
 * trust authentication): whatever a previous run left is dropped first, its open connections closed.
 */
public final class FreshDatabase {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private FreshDatabase() {
    }

    /** Drops and creates {@code name} (a plain identifier); returns its JDBC URL. */
    public static String create(String name) throws SQLException {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection server = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement sql = server.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
        }
        return SERVER + name;
    }
}
