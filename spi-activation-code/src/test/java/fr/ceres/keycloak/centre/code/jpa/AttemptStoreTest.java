package fr.ceres.keycloak.centre.code.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import fr.ceres.keycloak.centre.code.AttemptLimit;
import fr.ceres.keycloak.common.H2Schema;
import fr.ceres.keycloak.siret.Siret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AttemptStoreTest {

    static final String REALM = "realm-id";
    static final Siret CENTRE = Siret.parse("73282932000074").orElseThrow();
    static final Siret OTHER = Siret.parse("13002526500013").orElseThrow();
    static final long T0 = 1_700_000_000_000L;
    static final AttemptLimit THREE = new AttemptLimit(3, Duration.ofMinutes(15));

    private final H2Schema schema = new H2Schema(new CeresEntityProviderFactory()).applyChangelog().mapEntities();

    @AfterEach
    void shutDown() throws SQLException {
        schema.close();
    }

    AttemptReservation reserve(String realm, String user, Siret siret, long now) {
        return schema.inTransaction(em -> new AttemptStore(em).reserve(realm, user, siret, THREE, now));
    }

    String reserved(String realm, String user, Siret siret, long now) {
        return assertInstanceOf(AttemptReservation.Reserved.class, reserve(realm, user, siret, now)).attemptId();
    }

    @Test
    @DisplayName("Given reservations out of order, then their times come back oldest first, per person and realm, from `since` on")
    void timesOldestFirst() {
        reserved(REALM, "user-1", CENTRE, T0 + 30);
        reserved(REALM, "user-1", OTHER, T0 + 10);
        reserved(REALM, "user-2", CENTRE, T0 + 20);
        reserved("other-realm", "user-1", CENTRE, T0 + 5);
        schema.inTransaction(em -> {
            AttemptStore store = new AttemptStore(em);
            assertEquals(List.of(T0 + 10, T0 + 30), store.failureTimesOfUserSince(REALM, "user-1", T0));
            assertEquals(List.of(T0 + 30), store.failureTimesOfUserSince(REALM, "user-1", T0 + 11));
            assertEquals(2, store.failuresOnSiretSince(REALM, CENTRE, T0));
            assertEquals(0, store.failuresOnSiretSince(REALM, CENTRE, T0 + 31));
            return null;
        });
    }

    @Test
    @DisplayName("Given the limit reached, then the next reservation is refused until the oldest leaves the window, and a released slot is given back")
    void limitAndRelease() {
        String first = reserved(REALM, "user-1", CENTRE, T0);
        reserved(REALM, "user-1", CENTRE, T0 + 1);
        reserved(REALM, "user-1", OTHER, T0 + 2);
        assertEquals(new AttemptReservation.Refused(T0 + THREE.window().toMillis()), reserve(REALM, "user-1", CENTRE, T0 + 3));
        assertInstanceOf(AttemptReservation.Reserved.class, reserve(REALM, "user-2", CENTRE, T0 + 3), "per person");

        schema.inTransaction(em -> {
            new AttemptStore(em).release(first);
            return null;
        });
        assertInstanceOf(AttemptReservation.Reserved.class, reserve(REALM, "user-1", CENTRE, T0 + 4));
    }

    @Test
    @DisplayName("Given a failure marked as the SIRET's alert, then the last alert is found within the period and not before it")
    void siretAlert() {
        String attempt = reserved(REALM, "user-1", CENTRE, T0);
        assertEquals(Optional.empty(), schema.inTransaction(em -> new AttemptStore(em).lastSiretAlertSince(REALM, CENTRE, 0)));
        schema.inTransaction(em -> {
            new AttemptStore(em).markSiretAlert(attempt);
            return null;
        });
        schema.inTransaction(em -> {
            AttemptStore store = new AttemptStore(em);
            assertEquals(Optional.of(T0), store.lastSiretAlertSince(REALM, CENTRE, 0));
            assertEquals(Optional.empty(), store.lastSiretAlertSince(REALM, CENTRE, T0 + 1));
            assertEquals(Optional.empty(), store.lastSiretAlertSince(REALM, OTHER, 0));
            return null;
        });
    }

    @Test
    @DisplayName("Given old and recent attempts, then the purge deletes the old ones only, and a removed realm's go")
    void purgeAndRealm() {
        reserved(REALM, "user-1", CENTRE, T0);
        reserved(REALM, "user-2", CENTRE, T0 + 10);
        reserved("other-realm", "user-1", CENTRE, T0 + 20);
        schema.inTransaction(em -> {
            AttemptStore store = new AttemptStore(em);
            assertEquals(1, store.deleteBefore(T0 + 1));
            store.deleteRealm("other-realm");
            assertEquals(1, store.failuresOnSiretSince(REALM, CENTRE, 0));
            assertEquals(0, store.failuresOnSiretSince("other-realm", CENTRE, 0));
            return null;
        });
    }

    @Test
    @DisplayName("Given a removed centre, then every failure on its SIRET goes, its alert with them, and not those on another SIRET or realm")
    void removedCentre() {
        String alert = reserved(REALM, "user-1", CENTRE, T0);
        reserved(REALM, "user-2", CENTRE, T0 + 1);
        reserved(REALM, "user-1", OTHER, T0 + 2);
        reserved("other-realm", "user-1", CENTRE, T0 + 3);
        schema.inTransaction(em -> {
            new AttemptStore(em).markSiretAlert(alert);
            return null;
        });
        schema.inTransaction(em -> {
            new AttemptStore(em).deleteSiret(REALM, CENTRE);
            return null;
        });
        schema.inTransaction(em -> {
            AttemptStore store = new AttemptStore(em);
            assertEquals(0, store.failuresOnSiretSince(REALM, CENTRE, 0));
            assertEquals(Optional.empty(), store.lastSiretAlertSince(REALM, CENTRE, 0));
            assertEquals(List.of(T0 + 2), store.failureTimesOfUserSince(REALM, "user-1", 0));
            assertEquals(1, store.failuresOnSiretSince("other-realm", CENTRE, 0));
            return null;
        });
    }
}
