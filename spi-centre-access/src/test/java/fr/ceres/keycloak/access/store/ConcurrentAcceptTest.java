package fr.ceres.keycloak.access.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.ceres.keycloak.centre.habilitation.CeresRole;
import fr.ceres.keycloak.common.H2Schema;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An invitation link works once. Each thread is one request with its own connection and
 * transaction, as on separate Keycloak nodes sharing one database (a double-clicked « Accepter »
 * on two nodes, or two people holding the same link).
 */
class ConcurrentAcceptTest {

    private static final int CALLERS = 20;

    private final H2Schema schema = new H2Schema(new AccessEntityProviderFactory()).applyChangelog().mapEntities();

    @AfterEach
    void shutDown() throws SQLException {
        schema.close();
    }

    @Test
    @DisplayName("Given 20 concurrent accepts of one invitation, then exactly one wins and its user is recorded")
    void exactlyOneWinner() throws InterruptedException, ExecutionException {
        Invitation invitation = schema.inTransaction(em -> store(em).invite(InvitationStoreTest.CENTRE,
                InvitationStoreTest.CENTRE, CeresRole.CENTRE_AGREE, "a@example.fr", new Actor("i", "I"), 0, Long.MAX_VALUE))
                .orElseThrow();

        List<Boolean> results = acceptConcurrently(invitation);

        assertEquals(1, results.stream().filter(won -> won).count(), results.toString());
        Invitation accepted = schema.inTransaction(em -> store(em).find(invitation.id())).orElseThrow();
        assertEquals(Invitation.State.ACCEPTED, accepted.state());
        assertEquals("user-" + results.indexOf(true), accepted.acceptedBy());
    }

    private static InvitationStore store(EntityManager em) {
        return new InvitationStore(em, InvitationStoreTest.REALM);
    }

    private List<Boolean> acceptConcurrently(Invitation invitation) throws InterruptedException, ExecutionException {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                String userId = "user-" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return schema.inTransaction(em -> store(em).accept(invitation.id(), 1, userId, 1));
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
