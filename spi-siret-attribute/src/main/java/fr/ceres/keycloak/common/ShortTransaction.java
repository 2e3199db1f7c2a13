package fr.ceres.keycloak.common;

import java.sql.SQLException;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionTaskWithResult;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Work that takes a row lock runs here: in a transaction of its own, on a session of its own, committed before it
 * returns. The lock is then held only while that work runs on a connection it already has, never while its thread
 * waits for another one.
 *
 * <p>Why: a lock taken in the request's own transaction is held until the request ends, and by then Keycloak may
 * be waiting for a second connection (it writes sessions and events in transactions of their own). Under a burst
 * larger than the connection pool, the requests queued behind that lock hold every other connection, and all of
 * them wait until the pool gives up: server errors, some of them after the change was stored.
 *
 * <p>When the database picks the work as the victim of a deadlock, or a lock or a connection cannot be had in
 * time, nothing of it was stored: a deadlock's victim is run again, a few times; otherwise the answer is empty, for
 * the caller to tell the person to try again.
 */
public final class ShortTransaction {

    private static final Logger LOG = Logger.getLogger(ShortTransaction.class);
    private static final int RUNS = 3;

    private ShortTransaction() {
    }

    /**
     * Runs the work on a new session that has the request's realm and client, and returns what it returned once
     * committed; empty if the database stayed too busy. Any other failure is thrown, as before.
     */
    public static <V> Optional<V> run(KeycloakSession request, String name, KeycloakSessionTaskWithResult<V> work) {
        for (int run = 1; ; run++) {
            try {
                return Optional.of(KeycloakModelUtils.runJobInTransactionWithResult(request.getKeycloakSessionFactory(),
                        request.getContext(), work, name));
            } catch (RuntimeException e) {
                Busy busy = Busy.of(e);
                if (busy == Busy.NO) {
                    throw e;
                }
                if (busy == Busy.DEADLOCK && run < RUNS) {
                    LOG.debugf("%s: chosen as a deadlock's victim, run %d again", name, run);
                    continue;
                }
                LOG.warnf("%s: the database stayed busy (%s), nothing stored", name, busy);
                return Optional.empty();
            }
        }
    }

    /**
     * Whether a failure is the database refusing one of two concurrent writers (a deadlock's victim, a lock not had
     * in time): the other one went on, and nothing of this one is stored.
     */
    public static boolean lostToAnotherWriter(Throwable failure) {
        Busy busy = Busy.of(failure);
        return busy == Busy.DEADLOCK || busy == Busy.LOCK_TIMEOUT;
    }

    /** Why the database did not do the work, read from the chain of causes. */
    enum Busy {
        /** A deadlock's victim, or a serialization failure: rolled back, and safe to run again. */
        DEADLOCK,
        /** A lock not granted in time. */
        LOCK_TIMEOUT,
        /** No connection free in the pool in time. */
        NO_CONNECTION,
        /** Not a matter of load: a real failure. */
        NO;

        /** SQL states of the "transaction rollback" class, PostgreSQL's "lock not available", H2's lock timeout. */
        private static final String ROLLBACK_CLASS = "40";
        private static final String LOCK_NOT_AVAILABLE = "55P03";
        private static final String H2_LOCK_TIMEOUT = "HYT00";
        /** MariaDB's and MySQL's "lock wait timeout exceeded". */
        private static final int LOCK_WAIT_TIMEOUT = 1205;
        /** What the connection pool (Agroal) says when no connection came in time. */
        private static final String ACQUISITION_TIMEOUT = "acquisition timeout";

        static Busy of(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql) {
                    String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                    if (state.startsWith(ROLLBACK_CLASS)) {
                        return DEADLOCK;
                    }
                    if (state.equals(LOCK_NOT_AVAILABLE) || state.equals(H2_LOCK_TIMEOUT) || sql.getErrorCode() == LOCK_WAIT_TIMEOUT) {
                        return LOCK_TIMEOUT;
                    }
                    if (sql.getMessage() != null && sql.getMessage().contains(ACQUISITION_TIMEOUT)) {
                        return NO_CONNECTION;
                    }
                }
                if (cause.getCause() == cause) {
                    break;
                }
            }
            return NO;
        }
    }
}
