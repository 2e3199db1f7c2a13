package fr.ceres.keycloak.centre.access.jpa;

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

import fr.ceres.keycloak.centre.access.Invitation;
import fr.ceres.keycloak.centre.access.InvitationKind;
import fr.ceres.keycloak.centre.access.InvitationState;
import fr.ceres.keycloak.centre.code.jpa.H2Schema;
import fr.ceres.keycloak.centre.habilitation.CeresRole;
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

    private final H2Schema schema = new H2Schema().applyChangelog().mapEntities();

    @AfterEach
    void shutDown() throws SQLException {
        schema.close();
    }

    <T> T store(Function<InvitationStore, T> work) {
        return schema.inTransaction(em -> work.apply(new InvitationStore(em)));
    }

    /** For the store's yes/no answers (a plain lambda would be ambiguous with assertTrue's BooleanSupplier). */
    boolean done(Function<InvitationStore, Boolean> work) {
        return store(work);
    }

    Optional<Invitation> invite(String siret, CeresRole role, String email, long now) {
        return store(s -> s.invite(REALM, CENTRE, siret, role, email, "inviter-id", "Guy Dupont", now, now + WEEK));
    }

    Invitation invited() {
        return invite(CENTRE, CeresRole.CENTRE_AGREE, "Marie.Curie@Example.FR", T0).orElseThrow();
    }

    Invitation reread(Invitation invitation) {
        return store(s -> s.find(REALM, invitation.id())).orElseThrow();
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
            assertEquals(InvitationKind.INVITATION, invitation.kind());
            assertEquals(InvitationState.PENDING, invitation.state());
            assertEquals("marie.curie@example.fr", invitation.email());
            assertEquals(CeresRole.CENTRE_AGREE, invitation.role());
            assertEquals("Guy Dupont", invitation.authorName());
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
            assertEquals(1, store(s -> s.pending(REALM, CENTRE, InvitationKind.INVITATION, T0 + 1)).size());
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
            assertEquals(InvitationState.EXPIRED, reread(old).state());
            assertEquals(old.id(), row(old.id()).getLiveKey());
            assertEquals(List.of(fresh), store(s -> s.pending(REALM, CENTRE, InvitationKind.INVITATION, T0 + WEEK)));
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
            store(s -> s.invite(REALM, "13002526500013", "13002526500013", CeresRole.GESTIONNAIRE, "x@example.fr",
                    "other", "Other", T0, T0 + WEEK));
            assertEquals(List.of(first, second), store(s -> s.pending(REALM, CENTRE, InvitationKind.INVITATION, T0 + 6)));
            assertEquals(List.of(), store(s -> s.pending(REALM, CENTRE, InvitationKind.REQUEST, T0 + 6)));
            assertEquals(List.of(), store(s -> s.pending("other-realm", CENTRE, InvitationKind.INVITATION, T0 + 6)));
        }
    }

    @Nested
    class Accepting {

        @Test
        @DisplayName("Given a live invitation, then the first accept wins, records who, and a second accept fails")
        void once() {
            Invitation invitation = invited();
            assertTrue(done(s -> s.accept(REALM, invitation.id(), 1, "user-1", T0 + 10)));
            assertFalse(done(s -> s.accept(REALM, invitation.id(), 1, "user-2", T0 + 11)));
            Invitation accepted = reread(invitation);
            assertEquals(InvitationState.ACCEPTED, accepted.state());
            assertEquals("user-1", accepted.userId());
            assertEquals(T0 + 10, accepted.decidedAt());
            assertEquals("user-1", row(invitation.id()).getDecidedBy());
        }

        @Test
        @DisplayName("Given an accepted invitation, then the same person can be invited to that habilitation again")
        void acceptedFreesTheKey() {
            Invitation invitation = invited();
            store(s -> s.accept(REALM, invitation.id(), 1, "user-1", T0 + 10));
            assertTrue(invite(CENTRE, CeresRole.CENTRE_AGREE, "marie.curie@example.fr", T0 + 20).isPresent());
        }

        @Test
        @DisplayName("Given an expired invitation, then accepting it fails")
        void expired() {
            Invitation invitation = invited();
            assertFalse(done(s -> s.accept(REALM, invitation.id(), 1, "user-1", T0 + WEEK)));
            assertEquals(InvitationState.PENDING, reread(invitation).state());
        }

        @Test
        @DisplayName("Given a resent invitation, then the old link version is refused and the new one accepted")
        void staleLinkRefusedAfterResend() {
            Invitation invitation = invited();
            Invitation resent = store(s -> s.resend(REALM, CENTRE, invitation.id(), T0 + 5, T0 + 5 + WEEK)).orElseThrow();
            assertEquals(2, resent.linkVersion());
            assertEquals(T0 + 5 + WEEK, resent.expiresAt());
            assertFalse(done(s -> s.accept(REALM, invitation.id(), 1, "user-1", T0 + 10)));
            assertTrue(done(s -> s.accept(REALM, invitation.id(), 2, "user-1", T0 + 10)));
        }

        @Test
        @DisplayName("Given an expired but PENDING invitation, then a resend revives it with a new expiry")
        void resendRevivesExpired() {
            Invitation invitation = invited();
            store(s -> s.resend(REALM, CENTRE, invitation.id(), T0 + WEEK, T0 + 2 * WEEK));
            assertTrue(done(s -> s.accept(REALM, invitation.id(), 2, "user-1", T0 + WEEK + 1)));
        }

        @Test
        @DisplayName("Given an accepted invitation, or another centre's, then resend changes nothing")
        void resendOnlyPendingOfTheCentre() {
            Invitation invitation = invited();
            assertEquals(Optional.empty(), store(s -> s.resend(REALM, SITE, invitation.id(), T0, T0 + WEEK)));
            store(s -> s.accept(REALM, invitation.id(), 1, "user-1", T0 + 10));
            assertEquals(Optional.empty(), store(s -> s.resend(REALM, CENTRE, invitation.id(), T0, T0 + WEEK)));
        }
    }

    @Nested
    class Cancelling {

        @Test
        @DisplayName("Given a live invitation, then cancelling closes it: no longer pending, no longer acceptable")
        void cancel() {
            Invitation invitation = invited();
            assertTrue(done(s -> s.cancel(REALM, CENTRE, invitation.id(), "gestionnaire-id", T0 + 3)));
            Invitation cancelled = reread(invitation);
            assertEquals(InvitationState.CANCELLED, cancelled.state());
            assertEquals(T0 + 3, cancelled.decidedAt());
            assertEquals("gestionnaire-id", row(invitation.id()).getDecidedBy());
            assertNull(cancelled.userId());
            assertFalse(done(s -> s.accept(REALM, invitation.id(), 1, "user-1", T0 + 4)));
            assertEquals(List.of(), store(s -> s.pending(REALM, CENTRE, InvitationKind.INVITATION, T0 + 4)));
            assertTrue(invite(CENTRE, CeresRole.CENTRE_AGREE, "marie.curie@example.fr", T0 + 5).isPresent());
        }

        @Test
        @DisplayName("Given another centre's invitation or an accepted one, then cancel refuses")
        void onlyPendingOfTheCentre() {
            Invitation invitation = invited();
            assertFalse(done(s -> s.cancel(REALM, SITE, invitation.id(), "g", T0)));
            store(s -> s.accept(REALM, invitation.id(), 1, "user-1", T0 + 10));
            assertFalse(done(s -> s.cancel(REALM, CENTRE, invitation.id(), "g", T0 + 11)));
            assertEquals(InvitationState.ACCEPTED, reread(invitation).state());
        }
    }

    @Nested
    class Requesting {

        Invitation requested() {
            return store(s -> s.request(REALM, CENTRE, "user-1", "Paul@Example.fr", T0)).orElseThrow();
        }

        @Test
        @DisplayName("Given a request, then it is PENDING without SIRET or role, and a second one by the same person is refused")
        void onePending() {
            Invitation request = requested();
            assertEquals(InvitationKind.REQUEST, request.kind());
            assertEquals("paul@example.fr", request.email());
            assertEquals("user-1", request.userId());
            assertNull(request.siret());
            assertNull(request.role());
            assertEquals(Optional.empty(), store(s -> s.request(REALM, CENTRE, "user-1", "paul@example.fr", T0 + 1)));
            assertEquals(List.of(request), store(s -> s.pending(REALM, CENTRE, InvitationKind.REQUEST, T0 + 1)));
            assertEquals(List.of(), store(s -> s.pending(REALM, CENTRE, InvitationKind.INVITATION, T0 + 1)));
        }

        @Test
        @DisplayName("Given a request, then accepting records the decider, SIRET and role, once")
        void accept() {
            Invitation request = requested();
            assertTrue(done(s -> s.decide(REALM, CENTRE, request.id(), true, "g-1", "Guy Dupont", SITE,
                    CeresRole.CENTRE_AGREE, "ignored", T0 + 2)));
            assertFalse(done(s -> s.decide(REALM, CENTRE, request.id(), false, "g-2", "Other", null, null, "no", T0 + 3)));
            Invitation decided = reread(request);
            assertEquals(InvitationState.ACCEPTED, decided.state());
            assertEquals(SITE, decided.siret());
            assertEquals(CeresRole.CENTRE_AGREE, decided.role());
            assertEquals("g-1", decided.authorId());
            assertEquals("Guy Dupont", decided.authorName());
            assertNull(decided.reason());
            assertEquals(T0 + 2, decided.decidedAt());
        }

        @Test
        @DisplayName("Given a refused request, then the reason is kept and the person may ask again")
        void refuse() {
            Invitation request = requested();
            assertTrue(done(s -> s.decide(REALM, CENTRE, request.id(), false, "g-1", "Guy Dupont", null, null,
                    "Inconnu du centre", T0 + 2)));
            Invitation decided = reread(request);
            assertEquals(InvitationState.REFUSED, decided.state());
            assertEquals("Inconnu du centre", decided.reason());
            assertNull(decided.role());
            assertTrue(store(s -> s.request(REALM, CENTRE, "user-1", "paul@example.fr", T0 + 3)).isPresent());
        }

        @Test
        @DisplayName("Given another centre's request, or an invitation, then decide refuses")
        void onlyRequestsOfTheCentre() {
            Invitation request = requested();
            Invitation invitation = invited();
            assertFalse(done(s -> s.decide(REALM, SITE, request.id(), false, "g", "G", null, null, null, T0)));
            assertFalse(done(s -> s.decide(REALM, CENTRE, invitation.id(), false, "g", "G", null, null, null, T0)));
        }

        @Test
        @DisplayName("Given an acceptance without SIRET or role, then decide throws before changing anything")
        void acceptNeedsAHabilitation() {
            Invitation request = requested();
            assertThrows(IllegalArgumentException.class,
                    () -> store(s -> s.decide(REALM, CENTRE, request.id(), true, "g", "G", null, null, null, T0)));
            assertEquals(InvitationState.PENDING, reread(request).state());
        }
    }

    @Test
    @DisplayName("Given a realm's invitations and requests, then deleting the realm removes them and no other realm's")
    void deleteRealm() {
        Invitation invitation = invited();
        Invitation other = store(s -> s.invite("other-realm", CENTRE, CENTRE, CeresRole.GESTIONNAIRE, "a@b.fr", "i", "I",
                T0, T0 + WEEK)).orElseThrow();
        store(s -> s.request(REALM, CENTRE, "user-1", "p@example.fr", T0));
        store(s -> {
            s.deleteRealm(REALM);
            return null;
        });
        assertEquals(Optional.empty(), store(s -> s.find(REALM, invitation.id())));
        assertEquals(List.of(), store(s -> s.pending(REALM, CENTRE, InvitationKind.REQUEST, T0)));
        assertTrue(store(s -> s.find("other-realm", other.id())).isPresent());
    }
}
