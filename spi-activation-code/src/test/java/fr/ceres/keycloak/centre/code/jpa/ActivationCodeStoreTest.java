package fr.ceres.keycloak.centre.code.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;

import fr.ceres.keycloak.centre.code.ActivationCode;
import fr.ceres.keycloak.centre.code.CentreCodeStatus;
import fr.ceres.keycloak.centre.code.RedemptionResult;
import fr.ceres.keycloak.common.H2Schema;
import fr.ceres.keycloak.siret.Siret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ActivationCodeStoreTest {

    static final String REALM = "realm-id";
    static final Siret CENTRE = Siret.parse("73282932000074").orElseThrow();
    static final Siret OTHER = Siret.parse("13002526500013").orElseThrow();
    static final long T0 = 1_700_000_000_000L;
    static final long YEAR = 365L * 24 * 3600 * 1000;

    private final H2Schema schema = new H2Schema(new CeresEntityProviderFactory()).applyChangelog().mapEntities();

    @AfterEach
    void shutDown() throws SQLException {
        schema.close();
    }

    ActivationCode issue(Siret siret) {
        return schema.inTransaction(em -> new ActivationCodeStore(em).issue(REALM, siret, "agent-id", T0, T0 + YEAR));
    }

    RedemptionResult redeem(Siret siret, String typed, String userId, long now) {
        return schema.inTransaction(em -> new ActivationCodeStore(em).redeem(REALM, siret, typed, userId, now));
    }

    CentreCodeStatus status(Siret siret, long now) {
        return schema.inTransaction(em -> new ActivationCodeStore(em).status(REALM, siret, now));
    }

    List<ActivationCodeEntity> rows(Siret siret) {
        return schema.inTransaction(em -> em.createNamedQuery(ActivationCodeEntity.BY_SIRET, ActivationCodeEntity.class)
                .setParameter("realmId", REALM).setParameter("siret", siret.value()).getResultList());
    }

    @Nested
    class Issuing {

        @Test
        @DisplayName("Given a centre without code, then issuing stores one ISSUED row holding a hash, never the code")
        void storesOnlyTheHash() {
            ActivationCode code = issue(CENTRE);
            ActivationCodeEntity row = rows(CENTRE).get(0);
            assertEquals(CodeState.ISSUED, row.getState());
            assertEquals("agent-id", row.getIssuedBy());
            assertEquals(T0 + YEAR, row.getExpiresAt());
            assertTrue(row.getCodeHash().startsWith("pbkdf2-sha256$"));
            assertFalse(row.getCodeHash().toUpperCase().contains(code.value()));
        }

        @Test
        @DisplayName("Given an ISSUED code, then re-issuing voids it: the old code no longer works, the new one does")
        void reissueVoidsTheOld() {
            ActivationCode old = issue(CENTRE);
            ActivationCode fresh = issue(CENTRE);
            assertEquals(List.of(CodeState.ISSUED, CodeState.VOID),
                    rows(CENTRE).stream().map(ActivationCodeEntity::getState).sorted().toList());
            assertEquals(RedemptionResult.WRONG_CODE, redeem(CENTRE, old.grouped(), "user-1", T0 + 1));
            assertEquals(RedemptionResult.REDEEMED, redeem(CENTRE, fresh.grouped(), "user-1", T0 + 1));
        }

        @Test
        @DisplayName("Given two centres, then issuing for one leaves the other's code alone")
        void perSiret() {
            ActivationCode other = issue(OTHER);
            issue(CENTRE);
            assertEquals(RedemptionResult.REDEEMED, redeem(OTHER, other.value(), "user-1", T0 + 1));
        }
    }

    @Nested
    class Redeeming {

        @Test
        @DisplayName("Given the right code typed loosely, then it is REDEEMED once, by that user, and then ALREADY_REDEEMED")
        void once() {
            ActivationCode code = issue(CENTRE);
            String typed = code.grouped().toLowerCase().replace('-', ' ');
            assertEquals(RedemptionResult.REDEEMED, redeem(CENTRE, typed, "user-1", T0 + 5));
            ActivationCodeEntity row = rows(CENTRE).get(0);
            assertEquals(CodeState.REDEEMED, row.getState());
            assertEquals("user-1", row.getRedeemedBy());
            assertEquals(T0 + 5, row.getRedeemedAt());
            assertEquals(row.getId(), row.getLiveKey());
            assertEquals(RedemptionResult.ALREADY_REDEEMED, redeem(CENTRE, code.value(), "user-2", T0 + 6));
        }

        @Test
        @DisplayName("Given a wrong or unreadable code, then WRONG_CODE and the code stays ISSUED")
        void wrongCode() {
            issue(CENTRE);
            assertEquals(RedemptionResult.WRONG_CODE, redeem(CENTRE, "0000-0000-0000", "user-1", T0 + 1));
            assertEquals(RedemptionResult.WRONG_CODE, redeem(CENTRE, "not a code", "user-1", T0 + 1));
            assertEquals(CodeState.ISSUED, rows(CENTRE).get(0).getState());
        }

        @Test
        @DisplayName("Given the right code after its expiry, then EXPIRED and the code stays ISSUED")
        void expired() {
            ActivationCode code = issue(CENTRE);
            assertEquals(RedemptionResult.EXPIRED, redeem(CENTRE, code.value(), "user-1", T0 + YEAR));
            assertEquals(CodeState.ISSUED, rows(CENTRE).get(0).getState());
        }

        @Test
        @DisplayName("Given a SIRET without code, or with a voided one only, then NO_CODE")
        void noCode() {
            assertEquals(RedemptionResult.NO_CODE, redeem(CENTRE, "7K3M-Q9TX-2RWH", "user-1", T0));
            issue(CENTRE);
            schema.inTransaction(em -> new ActivationCodeStore(em).voidIssued(REALM, CENTRE));
            assertEquals(RedemptionResult.NO_CODE, redeem(CENTRE, "7K3M-Q9TX-2RWH", "user-1", T0));
        }
    }

    @Nested
    class Status {

        @Test
        @DisplayName("Given a centre's life, then its status goes NO_CODE, AWAITING_ACTIVATION, CODE_EXPIRED, ACTIVE")
        void lifecycle() {
            assertEquals(CentreCodeStatus.State.NO_CODE, status(CENTRE, T0).state());
            ActivationCode code = issue(CENTRE);
            assertEquals(new CentreCodeStatus(CentreCodeStatus.State.AWAITING_ACTIVATION, OptionalLong.of(T0 + YEAR),
                    OptionalLong.empty()), status(CENTRE, T0 + 1));
            assertEquals(CentreCodeStatus.State.CODE_EXPIRED, status(CENTRE, T0 + YEAR).state());
            redeem(CENTRE, code.value(), "user-1", T0 + 2);
            CentreCodeStatus active = status(CENTRE, T0 + 3);
            assertEquals(CentreCodeStatus.State.ACTIVE, active.state());
            assertEquals(OptionalLong.of(T0 + 2), active.lastRedeemedAt());
        }

        @Test
        @DisplayName("Given an active centre re-issued a code, then it awaits activation and remembers it was active")
        void reissuedAfterActivation() {
            redeem(CENTRE, issue(CENTRE).value(), "user-1", T0 + 2);
            issue(CENTRE);
            CentreCodeStatus status = status(CENTRE, T0 + 3);
            assertEquals(CentreCodeStatus.State.AWAITING_ACTIVATION, status.state());
            assertTrue(status.everActivated());
        }

        @Test
        @DisplayName("Given the store issued then read in one transaction, then what it reads back is current")
        void noStaleReadsInOneTransaction() {
            CentreCodeStatus status = schema.inTransaction(em -> {
                ActivationCodeStore store = new ActivationCodeStore(em);
                ActivationCode code = store.issue(REALM, CENTRE, "agent-id", T0, T0 + YEAR);
                store.status(REALM, CENTRE, T0);
                store.redeem(REALM, CENTRE, code.value(), "user-1", T0 + 1);
                return store.status(REALM, CENTRE, T0 + 2);
            });
            assertEquals(CentreCodeStatus.State.ACTIVE, status.state());
        }
    }

    @Nested
    class RemovedCentre {

        @Test
        @DisplayName("Given a removed centre's redeemed and issued codes, then they go, not another centre's nor another realm's, and its SIRET starts again without code")
        void codesGoWithTheCentre() {
            redeem(CENTRE, issue(CENTRE).value(), "user-1", T0 + 1);
            ActivationCode pending = issue(CENTRE);
            issue(OTHER);
            schema.inTransaction(em -> new ActivationCodeStore(em).issue("other-realm", CENTRE, "agent-id", T0, T0 + YEAR));

            schema.inTransaction(em -> {
                new ActivationCodeStore(em).deleteCentre(REALM, CENTRE);
                return null;
            });

            assertEquals(List.of(), rows(CENTRE));
            assertEquals(CentreCodeStatus.State.NO_CODE, status(CENTRE, T0 + 2).state());
            assertEquals(RedemptionResult.NO_CODE, redeem(CENTRE, pending.value(), "user-2", T0 + 2));
            assertEquals(1, rows(OTHER).size());
            assertEquals(CentreCodeStatus.State.AWAITING_ACTIVATION,
                    schema.inTransaction(em -> new ActivationCodeStore(em).status("other-realm", CENTRE, T0 + 2)).state());
            ActivationCode fresh = issue(CENTRE);
            assertEquals(RedemptionResult.REDEEMED, redeem(CENTRE, fresh.value(), "user-2", T0 + 3));
        }
    }
}
