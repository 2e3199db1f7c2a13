package fr.ceres.keycloak.centre.code.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.List;

import fr.ceres.keycloak.common.H2Schema;
import fr.ceres.keycloak.siret.Siret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The failed attempts' times the attach page computes a lock-out's end from. */
class FailureTimesTest {

    static final String REALM = "realm-id";
    static final Siret CENTRE = Siret.parse("73282932000074").orElseThrow();
    static final Siret OTHER = Siret.parse("13002526500013").orElseThrow();
    static final long T0 = 1_700_000_000_000L;

    private final H2Schema schema = new H2Schema(new CeresEntityProviderFactory()).applyChangelog().mapEntities();

    @AfterEach
    void shutDown() throws SQLException {
        schema.close();
    }

    @Test
    @DisplayName("Given failures recorded out of order, then their times come back oldest first, per user and per SIRET, from `since` on")
    void oldestFirstWithinTheWindow() {
        schema.inTransaction(em -> {
            ActivationCodeStore store = new ActivationCodeStore(em);
            store.recordFailure(REALM, "user-1", CENTRE, T0 + 30);
            store.recordFailure(REALM, "user-1", OTHER, T0 + 10);
            store.recordFailure(REALM, "user-2", CENTRE, T0 + 20);
            store.recordFailure(REALM, "user-1", CENTRE, T0);
            store.recordFailure("other-realm", "user-1", CENTRE, T0 + 5);
            return null;
        });
        schema.inTransaction(em -> {
            ActivationCodeStore store = new ActivationCodeStore(em);
            assertEquals(List.of(T0, T0 + 10, T0 + 30), store.failureTimesOfUserSince(REALM, "user-1", T0));
            assertEquals(List.of(T0 + 10, T0 + 30), store.failureTimesOfUserSince(REALM, "user-1", T0 + 1));
            assertEquals(List.of(T0, T0 + 20, T0 + 30), store.failureTimesOnSiretSince(REALM, CENTRE, T0));
            assertEquals(List.of(), store.failureTimesOnSiretSince(REALM, CENTRE, T0 + 31));
            return null;
        });
    }
}
