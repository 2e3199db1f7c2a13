package fr.ceres.keycloak.access.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import fr.ceres.keycloak.centre.habilitation.CeresRole;
import fr.ceres.keycloak.centre.habilitation.Habilitation;
import fr.ceres.keycloak.common.H2Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AccessRequestStoreTest {

    private static final String REALM = InvitationStoreTest.REALM;
    private static final String CENTRE = InvitationStoreTest.CENTRE;
    private static final String SITE = InvitationStoreTest.SITE;
    private static final long T0 = InvitationStoreTest.T0;
    private static final Actor GUY = new Actor("g-1", "Guy Dupont");

    private final H2Schema schema = new H2Schema(new AccessEntityProviderFactory()).applyChangelog().mapEntities();

    @AfterEach
    void shutDown() throws SQLException {
        schema.close();
    }

    <T> T store(Function<AccessRequestStore, T> work) {
        return schema.inTransaction(em -> work.apply(new AccessRequestStore(em, REALM)));
    }

    /** For the store's yes/no answers (a plain lambda would be ambiguous with assertTrue's BooleanSupplier). */
    boolean done(Function<AccessRequestStore, Boolean> work) {
        return store(work);
    }

    AccessRequest requested() {
        return store(s -> s.ask(CENTRE, "user-1", "Paul@Example.fr", T0)).orElseThrow();
    }

    AccessRequest reread(AccessRequest request) {
        return store(s -> s.find(request.id())).orElseThrow();
    }

    @Test
    @DisplayName("Given a request, then it is PENDING without habilitation, and a second one by the same person is refused")
    void onePending() {
        AccessRequest request = requested();
        assertEquals(AccessRequest.State.PENDING, request.state());
        assertEquals("paul@example.fr", request.email());
        assertEquals("user-1", request.requesterId());
        assertNull(request.granted());
        assertEquals(Optional.empty(), store(s -> s.ask(CENTRE, "user-1", "paul@example.fr", T0 + 1)));
        assertEquals(List.of(request), store(s -> s.pending(CENTRE)));
        assertEquals(List.of(request), store(s -> s.pendingOf("user-1")));
    }

    @Test
    @DisplayName("Given a request, then accepting records the decider and the habilitation, once")
    void accept() {
        AccessRequest request = requested();
        Habilitation granted = new Habilitation(SITE, CeresRole.CENTRE_AGREE, CENTRE);
        assertTrue(done(s -> s.accept(request, granted, GUY, T0 + 2)));
        assertFalse(done(s -> s.refuse(request, "no", new Actor("g-2", "Other"), T0 + 3)));
        AccessRequest decided = reread(request);
        assertEquals(AccessRequest.State.ACCEPTED, decided.state());
        assertEquals(granted, decided.granted());
        assertEquals(GUY, decided.decider());
        assertNull(decided.reason());
        assertEquals(T0 + 2, decided.decidedAt());
        assertEquals(List.of(), store(s -> s.pending(CENTRE)));
    }

    @Test
    @DisplayName("Given a refused request, then the reason is kept and the person may ask again")
    void refuse() {
        AccessRequest request = requested();
        assertTrue(done(s -> s.refuse(request, "Inconnu du centre", GUY, T0 + 2)));
        AccessRequest decided = reread(request);
        assertEquals(AccessRequest.State.REFUSED, decided.state());
        assertEquals("Inconnu du centre", decided.reason());
        assertNull(decided.granted());
        assertTrue(store(s -> s.ask(CENTRE, "user-1", "paul@example.fr", T0 + 3)).isPresent());
    }

    @Test
    @DisplayName("Given a refusal without reason, then none is stored")
    void refuseWithoutReason() {
        AccessRequest request = requested();
        assertTrue(done(s -> s.refuse(request, "", GUY, T0 + 2)));
        assertNull(reread(request).reason());
    }

    @Test
    @DisplayName("Given another centre's request, or an invitation's id, then they are not this centre's requests")
    void onlyRequestsOfTheCentre() {
        AccessRequest request = requested();
        Invitation invitation = schema.inTransaction(em -> new InvitationStore(em, REALM).invite(CENTRE, CENTRE,
                CeresRole.CENTRE_AGREE, "marie@example.fr", GUY, T0, T0 + InvitationStoreTest.WEEK)).orElseThrow();
        AccessRequest elsewhere = new AccessRequest(request.id(), SITE, request.requesterId(), request.email(),
                request.createdAt(), request.state(), null, null, null, null);
        assertFalse(done(s -> s.refuse(elsewhere, null, GUY, T0)));
        assertEquals(Optional.empty(), store(s -> s.find(invitation.id())));
        assertEquals(List.of(), store(s -> s.pending(SITE)));
        assertEquals(List.of(), schema.inTransaction(em -> new AccessRequestStore(em, "other-realm").pending(CENTRE)));
    }

    @Test
    @DisplayName("Given a realm's requests, then deleting the realm removes them")
    void deleteRealm() {
        AccessRequest request = requested();
        schema.inTransaction(em -> {
            new Rows(em).deleteRealm(REALM);
            return null;
        });
        assertEquals(Optional.empty(), store(s -> s.find(request.id())));
    }

    @Test
    @DisplayName("Given a removed person, then their requests, pending or decided, and the invitations they accepted go; their pending invitations to others and another person's request stay")
    void deletePerson() {
        AccessRequest pending = requested();
        AccessRequest refused = store(s -> s.ask(SITE, "user-1", "paul@example.fr", T0)).orElseThrow();
        assertTrue(done(s -> s.refuse(refused, "non", GUY, T0 + 1)));
        AccessRequest other = store(s -> s.ask(CENTRE, "user-2", "luc@example.fr", T0)).orElseThrow();
        Invitation accepted = invitation("paul@example.fr");
        boolean acceptedNow = schema.inTransaction(em -> new InvitationStore(em, REALM).accept(accepted.id(), 1, "user-1", T0 + 2));
        assertTrue(acceptedNow);
        Invitation sentByThem = invitation("marie@example.fr");

        schema.inTransaction(em -> {
            new Rows(em).deletePerson(REALM, "user-1");
            return null;
        });

        assertEquals(Optional.empty(), store(s -> s.find(pending.id())));
        assertEquals(Optional.empty(), store(s -> s.find(refused.id())));
        assertEquals(Optional.empty(), schema.inTransaction(em -> new InvitationStore(em, REALM).find(accepted.id())));
        assertTrue(store(s -> s.find(other.id())).isPresent());
        assertTrue(schema.inTransaction(em -> new InvitationStore(em, REALM).find(sentByThem.id())).isPresent());
    }

    private Invitation invitation(String email) {
        return schema.inTransaction(em -> new InvitationStore(em, REALM).invite(CENTRE, CENTRE, CeresRole.CENTRE_AGREE,
                email, new Actor("user-1", "Paul Durand"), T0, T0 + InvitationStoreTest.WEEK)).orElseThrow();
    }
}
