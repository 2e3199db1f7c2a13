package fr.ceres.keycloak.access.invitation;

import java.util.Optional;

import fr.ceres.keycloak.access.store.Invitation;
import fr.ceres.keycloak.access.store.InvitationStore;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What an invitation link leads to once its key is verified and its invitation read:
 * each way it can fail has its own page, so the invitee knows whether to ask for a new link.
 *
 * @param token      the verified token; null when {@link Status#INVALID}
 * @param invitation the invitation it names; null when {@link Status#INVALID}
 */
record OpenedLink(Status status, InvitationToken token, Invitation invitation) {

    enum Status {
        /** Not one of our links (forged, mangled, another realm's), or its invitation is gone. */
        INVALID,
        EXPIRED,
        /** Cancelled by a gestionnaire. */
        CANCELLED,
        /** Already accepted. */
        USED,
        /** A newer link was sent (« Renvoyer »): this one is void. */
        SUPERSEDED,
        /** Can be accepted. */
        LIVE
    }

    static OpenedLink open(KeycloakSession session, RealmModel realm, String key, long now) {
        Optional<InvitationToken> token = new InvitationLinks(session, realm).verify(key);
        Optional<Invitation> invitation = token
                .flatMap(t -> InvitationStore.of(session).find(t.getInvitationId()))
                .filter(i -> i.isAddressedTo(token.get().getEmail()));
        if (invitation.isEmpty()) {
            return new OpenedLink(Status.INVALID, null, null);
        }
        return new OpenedLink(status(token.get(), invitation.get(), now), token.get(), invitation.get());
    }

    static Status status(InvitationToken token, Invitation invitation, long now) {
        return switch (invitation.state()) {
            case ACCEPTED -> Status.USED;
            case CANCELLED -> Status.CANCELLED;
            case EXPIRED -> Status.EXPIRED;
            case PENDING -> {
                if (token.getLinkVersion() != invitation.linkVersion()) {
                    yield Status.SUPERSEDED;
                }
                yield token.isExpired() || !invitation.isLive(now) ? Status.EXPIRED : Status.LIVE;
            }
        };
    }

    boolean isLive() {
        return status == Status.LIVE;
    }
}
