package fr.ceres.keycloak.access.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.ceres.keycloak.access.store.Actor;
import fr.ceres.keycloak.access.store.Invitation;
import fr.ceres.keycloak.centre.habilitation.CeresRole;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which page an invitation link leads to, from the token's link version and the invitation's state. */
class OpenedLinkTest {

    private static final long HOUR = 3_600_000L;
    private final long now = System.currentTimeMillis();

    private Invitation invitation(Invitation.State state, int linkVersion, long expiresAt) {
        return new Invitation("id", "73282932000074", "73282932000074", CeresRole.CENTRE_AGREE, "marie@example.fr",
                new Actor("inviter", "Guy Dupont"), now - HOUR, expiresAt, state, linkVersion, null, null);
    }

    private OpenedLink.Status status(Invitation linked, Invitation stored) {
        return OpenedLink.status(new InvitationToken(linked), stored, now);
    }

    @Test
    @DisplayName("Given a pending invitation and its current link, then the link can be accepted")
    void live() {
        Invitation pending = invitation(Invitation.State.PENDING, 1, now + HOUR);
        assertEquals(OpenedLink.Status.LIVE, status(pending, pending));
    }

    @Test
    @DisplayName("Given a resent invitation, then its first link is superseded, even past its own expiry")
    void superseded() {
        Invitation first = invitation(Invitation.State.PENDING, 1, now - 1);
        Invitation resent = invitation(Invitation.State.PENDING, 2, now + HOUR);
        assertEquals(OpenedLink.Status.SUPERSEDED, status(first, resent));
        assertEquals(OpenedLink.Status.LIVE, status(resent, resent));
    }

    @Test
    @DisplayName("Given an invitation past its expiry, or marked expired, then its link is expired")
    void expired() {
        Invitation past = invitation(Invitation.State.PENDING, 1, now - 1);
        assertEquals(OpenedLink.Status.EXPIRED, status(past, past));
        Invitation marked = invitation(Invitation.State.EXPIRED, 1, now + HOUR);
        assertEquals(OpenedLink.Status.EXPIRED, status(marked, marked));
    }

    @Test
    @DisplayName("Given an accepted or cancelled invitation, then its link says so, whatever its version")
    void closed() {
        Invitation link = invitation(Invitation.State.PENDING, 1, now + HOUR);
        assertEquals(OpenedLink.Status.USED, status(link, invitation(Invitation.State.ACCEPTED, 2, now + HOUR)));
        assertEquals(OpenedLink.Status.CANCELLED, status(link, invitation(Invitation.State.CANCELLED, 1, now + HOUR)));
    }
}
