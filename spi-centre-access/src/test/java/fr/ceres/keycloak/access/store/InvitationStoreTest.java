package fr.ceres.keycloak.access.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import fr.ceres.keycloak.centre.habilitation.CeresRole;
import fr.ceres.keycloak.common.H2Schema;
import fr.ceres.keycloak.siret.Siret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InvitationStoreTest {

    static final String REALM = "realm-id";
    static final String CENTRE = "73282932000074";
    static final String SITE = "73282932000090";
    static final long T0 = 1_700_000_000_000L;
    static final long WEEK = 7L * 24 * 3600 * 1000;

    private final H2Schema schema = new H2Schema(new AccessEntityProviderFactory()).applyChangelog().mapEntities();

    @AfterEach
    void shutDown() throws SQLException {
        schema.close();
    }

    <T> T store(Function<InvitationStore, T> work) {
        return schema.inTransaction(em -> work.apply(new InvitationStore(em, REALM)));
    }

    /** For the store's yes/no answers (a plain lambda would be ambiguous with assertTrue's BooleanSupplier). */
    boolean done(Function<InvitationStore, Boolean> work) {
        return store(work);
    }

    Optional<Invitation> invite(String siret, CeresRole role, String email, long now) {
        return store(s -> s.invite(CENTRE, siret, role, email, new Actor("inviter-id", "Guy Dupont"), now, now + WEEK));
    }

    Invitation invited() {
        return invite(CENTRE, CeresRole.CENTRE_AGREE, "Marie.Curie@Example.FR", T0).orElseThrow();
    }

    Invitation reread(Invitation invitation) {
        return store(s -> s.find(invitation.id())).orElseThrow();
    }

    CeresInvitationEntity row(String id) {
        return schema.inTransaction(em -> em.find(CeresInvitationEntity.class, id));
    }

    @Nested
    class Inviting {

        @Test
        @DisplayName("Given a new invitation, then it is stored PENDING, link version 1, with the email in lower case")
        void stored() {
            Invitation invitation = invited();
            assertEquals(invitation, reread(invitation));
            assertEquals(Invitation.State.PENDING, invitation.state());
            assertEquals("marie.curie@example.fr", invitation.email());
            assertEquals(CeresRole.CENTRE_AGREE, invitation.role());
            assertEquals(new Actor("inviter-id", "Guy Dupont"), invitation.inviter());
            assertEquals(1, invitation.linkVersion());
            assertEquals(T0 + WEEK, invitation.expiresAt());
            assertTrue(invitation.isLive(T0 + WEEK - 1));
            assertFalse(invitation.isLive(T0 + WEEK));
        }

        @Test
        @DisplayName("Given a live invitation, then inviting the same email (any case) to the same habilitation is refused")
        void duplicateLiveRefused() {
            invited();
            assertEquals(Optional.empty(), invite(CENTRE, CeresRole.CENTRE_AGREE, "marie.curie@example.fr", T0 + 1));
            assertEquals(1, store(s -> s.pending(CENTRE, T0 + 1)).size());
        }

        @Test
        @DisplayName("Given a live invitation, then another SIRET or role for the same email is a separate invitation")
        void otherHabilitation() {
            invited();
            assertTrue(invite(SITE, CeresRole.CENTRE_AGREE, "marie.curie@example.fr", T0).isPresent());
            assertTrue(invite(CENTRE, CeresRole.GESTIONNAIRE, "marie.curie@example.fr", T0).isPresent());
        }

        @Test
        @DisplayName("Given an expired invitation, then inviting again marks it EXPIRED and stores a new one")
        void expiredFreesTheKey() {
            Invitation old = invited();
            Invitation fresh = invite(CENTRE, CeresRole.CENTRE_AGREE, "marie.curie@example.fr", T0 + WEEK).orElseThrow();
            assertEquals(Invitation.State.EXPIRED, reread(old).state());
            assertEquals(old.id(), row(old.id()).getLiveKey());
            assertEquals(List.of(fresh), store(s -> s.pending(CENTRE, T0 + WEEK)));
        }

        @Test
        @DisplayName("Given a PENDING invitation's key, then the database itself refuses a second PENDING row for it")
        void oneLiveRowPerKey() throws SQLException {
            Invitation invitation = invited();
            try (Connection c = schema.connection(); PreparedStatement insert = c.prepareStatement(
                    "insert into CERES_INVITATION (ID, REALM_ID, KIND, CENTRE, EMAIL, CREATED_AT, EXPIRES_AT, STATE,"
                            + " LINK_VERSION, LIVE_KEY) values ('other', 'r', 'INVITATION', 'c', 'e', 1, 2, 'PENDING', 1, ?)")) {
                insert.setString(1, row(invitation.id()).getLiveKey());
                assertThrows(SQLException.class, insert::executeUpdate);
            }
        }

        @Test
        @DisplayName("Given invitations of two centres, then each centre's pending list shows only its own, oldest first")
        void pendingPerCentre() {
            Invitation first = invited();
            Invitation second = invite(SITE, CeresRole.CENTRE_AGREE, "paul@example.fr", T0 + 5).orElseThrow();
            store(s -> s.invite("13002526500013", "13002526500013", CeresRole.GESTIONNAIRE, "x@example.fr",
                    new Actor("other", "Other"), T0, T0 + WEEK));
            assertEquals(List.of(first, second), store(s -> s.pending(CENTRE, T0 + 6)));
            assertEquals(List.of(), schema.inTransaction(em -> new InvitationStore(em, "other-realm").pending(CENTRE, T0 + 6)));
        }
    }

    @Nested
    class Accepting {

        @Test
        @DisplayName("Given a live invitation, then the first accept wins, records who, and a second accept fails")
        void once() {
            Invitation invitation = invited();
            assertTrue(done(s -> s.accept(invitation.id(), 1, "user-1", T0 + 10)));
            assertFalse(done(s -> s.accept(invitation.id(), 1, "user-2", T0 + 11)));
            Invitation accepted = reread(invitation);
            assertEquals(Invitation.State.ACCEPTED, accepted.state());
            assertEquals("user-1", accepted.acceptedBy());
            assertEquals(T0 + 10, accepted.decidedAt());
            assertEquals("user-1", row(invitation.id()).getDecidedBy());
        }

        @Test
        @DisplayName("Given an accepted invitation, then the same person can be invited to that habilitation again")
        void acceptedFreesTheKey() {
            Invitation invitation = invited();
            store(s -> s.accept(invitation.id(), 1, "user-1", T0 + 10));
            assertTrue(invite(CENTRE, CeresRole.CENTRE_AGREE, "marie.curie@example.fr", T0 + 20).isPresent());
        }

        @Test
        @DisplayName("Given an expired invitation, then accepting it fails")
        void expired() {
            Invitation invitation = invited();
            assertFalse(done(s -> s.accept(invitation.id(), 1, "user-1", T0 + WEEK)));
            assertEquals(Invitation.State.PENDING, reread(invitation).state());
        }

        @Test
        @DisplayName("Given a resent invitation, then the old link version is refused and the new one accepted")
        void staleLinkRefusedAfterResend() {
            Invitation invitation = invited();
            Invitation resent = store(s -> s.resend(CENTRE, invitation.id(), T0 + 5 + WEEK)).orElseThrow();
            assertEquals(2, resent.linkVersion());
            assertEquals(T0 + 5 + WEEK, resent.expiresAt());
            assertFalse(done(s -> s.accept(invitation.id(), 1, "user-1", T0 + 10)));
            assertTrue(done(s -> s.accept(invitation.id(), 2, "user-1", T0 + 10)));
        }

        @Test
        @DisplayName("Given an expired but PENDING invitation, then a resend revives it with a new expiry")
        void resendRevivesExpired() {
            Invitation invitation = invited();
            store(s -> s.resend(CENTRE, invitation.id(), T0 + 2 * WEEK));
            assertTrue(done(s -> s.accept(invitation.id(), 2, "user-1", T0 + WEEK + 1)));
        }

        @Test
        @DisplayName("Given an accepted invitation, or another centre's, then resend changes nothing")
        void resendOnlyPendingOfTheCentre() {
            Invitation invitation = invited();
            assertEquals(Optional.empty(), store(s -> s.resend(SITE, invitation.id(), T0 + WEEK)));
            store(s -> s.accept(invitation.id(), 1, "user-1", T0 + 10));
            assertEquals(Optional.empty(), store(s -> s.resend(CENTRE, invitation.id(), T0 + WEEK)));
        }
    }

    @Nested
    class Cancelling {

        @Test
        @DisplayName("Given a live invitation, then cancelling closes it: no longer pending, no longer acceptable")
        void cancel() {
            Invitation invitation = invited();
            assertTrue(done(s -> s.cancel(CENTRE, invitation.id(), "gestionnaire-id", T0 + 3)));
            Invitation cancelled = reread(invitation);
            assertEquals(Invitation.State.CANCELLED, cancelled.state());
            assertEquals(T0 + 3, cancelled.decidedAt());
            assertEquals("gestionnaire-id", row(invitation.id()).getDecidedBy());
            assertNull(cancelled.acceptedBy());
            assertFalse(done(s -> s.accept(invitation.id(), 1, "user-1", T0 + 4)));
            assertEquals(List.of(), store(s -> s.pending(CENTRE, T0 + 4)));
            assertTrue(invite(CENTRE, CeresRole.CENTRE_AGREE, "marie.curie@example.fr", T0 + 5).isPresent());
        }

        @Test
        @DisplayName("Given another centre's invitation or an accepted one, then cancel refuses")
        void onlyPendingOfTheCentre() {
            Invitation invitation = invited();
            assertFalse(done(s -> s.cancel(SITE, invitation.id(), "g", T0)));
            store(s -> s.accept(invitation.id(), 1, "user-1", T0 + 10));
            assertFalse(done(s -> s.cancel(CENTRE, invitation.id(), "g", T0 + 11)));
            assertEquals(Invitation.State.ACCEPTED, reread(invitation).state());
        }
    }

    @Test
    @DisplayName("Given a realm's invitations, then deleting the realm removes them and no other realm's")
    void deleteRealm() {
        Invitation invitation = invited();
        Invitation other = schema.inTransaction(em -> new InvitationStore(em, "other-realm").invite(CENTRE, CENTRE,
                CeresRole.GESTIONNAIRE, "a@b.fr", new Actor("i", "I"), T0, T0 + WEEK)).orElseThrow();
        schema.inTransaction(em -> {
            new Rows(em).deleteRealm(REALM);
            return null;
        });
        assertEquals(Optional.empty(), store(s -> s.find(invitation.id())));
        assertTrue(schema.inTransaction(em -> new InvitationStore(em, "other-realm").find(other.id())).isPresent());
    }

    @Test
    @DisplayName("Given a removed centre, then its invitations and access requests go, pending or closed, not another centre's nor another realm's, and the same invitation and request can be made anew")
    void deleteCentre() {
        String other = "13002526500013";
        Invitation pending = invited();
        Invitation accepted = invite(SITE, CeresRole.GESTIONNAIRE, "paul@example.fr", T0).orElseThrow();
        store(s -> s.accept(accepted.id(), 1, "user-2", T0 + 1));
        AccessRequest request = schema.inTransaction(em -> new AccessRequestStore(em, REALM).ask(CENTRE, "user-3",
                "luc@example.fr", T0)).orElseThrow();
        Invitation elsewhere = store(s -> s.invite(other, other, CeresRole.GESTIONNAIRE, "marie.curie@example.fr",
                new Actor("i", "I"), T0, T0 + WEEK)).orElseThrow();
        Invitation otherRealm = schema.inTransaction(em -> new InvitationStore(em, "other-realm").invite(CENTRE, CENTRE,
                CeresRole.CENTRE_AGREE, "marie.curie@example.fr", new Actor("i", "I"), T0, T0 + WEEK)).orElseThrow();

        schema.inTransaction(em -> {
            new Rows(em).deleteCentre(REALM, Siret.parse(CENTRE).orElseThrow());
            return null;
        });

        assertEquals(Optional.empty(), store(s -> s.find(pending.id())));
        assertEquals(Optional.empty(), store(s -> s.find(accepted.id())));
        assertEquals(Optional.empty(), schema.inTransaction(em -> new AccessRequestStore(em, REALM).find(request.id())));
        assertTrue(store(s -> s.find(elsewhere.id())).isPresent());
        assertTrue(schema.inTransaction(em -> new InvitationStore(em, "other-realm").find(otherRealm.id())).isPresent());
        assertTrue(invite(CENTRE, CeresRole.CENTRE_AGREE, "marie.curie@example.fr", T0 + 2).isPresent());
        assertTrue(schema.inTransaction(em -> new AccessRequestStore(em, REALM).ask(CENTRE, "user-3",
                "luc@example.fr", T0 + 2)).isPresent());
    }
}
