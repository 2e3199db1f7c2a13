package fr.ceres.keycloak.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;

import fr.ceres.keycloak.common.ShortTransaction.Busy;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ModelException;

class ShortTransactionTest {

    /** As the work's failure reaches the caller: Keycloak's and the persistence layer's wrappers around the driver's. */
    private static RuntimeException wrapped(SQLException driver) {
        return new ModelException("Database operation failed", new PersistenceException("could not execute", driver));
    }

    @Test
    @DisplayName("A deadlock's victim or a serialization failure, on PostgreSQL or MariaDB, may be run again")
    void deadlocks() {
        assertEquals(Busy.DEADLOCK, Busy.of(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertEquals(Busy.DEADLOCK, Busy.of(wrapped(new SQLException("could not serialize access", "40001"))));
        assertEquals(Busy.DEADLOCK, Busy.of(wrapped(new SQLException("Deadlock found when trying to get lock", "40001", 1213))));
    }

    @Test
    @DisplayName("A lock not granted in time, on PostgreSQL, MariaDB or H2, is busy")
    void lockTimeouts() {
        assertEquals(Busy.LOCK_TIMEOUT, Busy.of(wrapped(new SQLException("canceling statement due to lock timeout", "55P03"))));
        assertEquals(Busy.LOCK_TIMEOUT, Busy.of(wrapped(new SQLException("Lock wait timeout exceeded", "HY000", 1205))));
        assertEquals(Busy.LOCK_TIMEOUT, Busy.of(wrapped(new SQLException("Timeout trying to lock table", "HYT00", 50200))));
    }

    @Test
    @DisplayName("No connection from the pool in time is busy")
    void noConnection() {
        assertEquals(Busy.NO_CONNECTION, Busy.of(wrapped(new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    @DisplayName("A constraint violation or any other failure is no matter of load, and is thrown as before")
    void realFailures() {
        assertEquals(Busy.NO, Busy.of(wrapped(new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertEquals(Busy.NO, Busy.of(new IllegalStateException("client role missing")));
    }

    @Test
    @DisplayName("Of two concurrent writers, the one the database refused lost to the other; a duplicate key or a full pool is something else")
    void lostToAnotherWriter() {
        assertEquals(true, ShortTransaction.lostToAnotherWriter(wrapped(new SQLException("Deadlock found", "40001", 1213))));
        assertEquals(true, ShortTransaction.lostToAnotherWriter(wrapped(new SQLException("Lock wait timeout exceeded", "HY000", 1205))));
        assertEquals(false, ShortTransaction.lostToAnotherWriter(wrapped(new SQLException("duplicate key", "23505"))));
        assertEquals(false, ShortTransaction.lostToAnotherWriter(wrapped(new SQLException("Sorry, acquisition timeout!"))));
    }
}
