package fr.ceres.keycloak.centre.code.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.ceres.keycloak.centre.code.AttemptLimit;
import fr.ceres.keycloak.centre.code.RedemptionResult;
import fr.ceres.keycloak.common.H2Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Many concurrent wrong codes from one person: exactly the limit are evaluated. Each caller is one attach
 * request with its own connections, as on separate Keycloak nodes sharing one database.
 */
class ConcurrentAttemptsTest {

    private static final int CALLERS = 20;
    private static final AttemptLimit LIMIT = new AttemptLimit(5, Duration.ofMinutes(15));
    private static final String REALM = ActivationCodeStoreTest.REALM;
    private static final long NOW = ActivationCodeStoreTest.T0;

    private final H2Schema schema = new H2Schema(new CeresEntityProviderFactory()).applyChangelog().mapEntities();

    @AfterEach
    void shutDown() throws SQLException {
        schema.close();
    }

    @Test
    @DisplayName("Given 20 concurrent wrong codes from one person and a limit of 5, then exactly 5 are evaluated and 5 failures recorded")
    void exactlyTheLimitIsEvaluated() throws InterruptedException, ExecutionException {
        schema.inTransaction(em -> new ActivationCodeStore(em)
                .issue(REALM, ActivationCodeStoreTest.CENTRE, "agent-id", 0, Long.MAX_VALUE));

        List<Boolean> evaluated = attemptConcurrently();

        assertEquals(LIMIT.max(), evaluated.stream().filter(e -> e).count(), "evaluated: " + evaluated);
        long recorded = schema.inTransaction(em -> (long) new AttemptStore(em)
                .failureTimesOfUserSince(REALM, "user-1", 0).size());
        assertEquals(LIMIT.max(), recorded);
    }

    /** One attach request: a slot first, in its own short transaction, then the code (a PBKDF2 run). */
    private boolean attempt() {
        AttemptReservation reservation = schema.inTransaction(em -> new AttemptStore(em)
                .reserve(REALM, "user-1", ActivationCodeStoreTest.CENTRE, LIMIT, NOW));
        if (reservation instanceof AttemptReservation.Refused) {
            return false;
        }
        RedemptionResult result = schema.inTransaction(em -> new ActivationCodeStore(em)
                .redeem(REALM, ActivationCodeStoreTest.CENTRE, "0000-0000-0000", "user-1", NOW));
        assertEquals(RedemptionResult.WRONG_CODE, result);
        return true;
    }

    private List<Boolean> attemptConcurrently() throws InterruptedException, ExecutionException {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return attempt();
                }));
            }
            start.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
