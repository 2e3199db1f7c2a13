package fr.ceres.keycloak.access.invitation;

import java.util.Optional;

import fr.ceres.keycloak.access.store.AccessMetrics;
import fr.ceres.keycloak.access.store.Invitation;
import fr.ceres.keycloak.access.store.InvitationStore;
import fr.ceres.keycloak.centre.Centre;
import fr.ceres.keycloak.centre.Centres;
import fr.ceres.keycloak.centre.habilitation.Habilitations;
import fr.ceres.keycloak.common.ShortTransaction;
import fr.ceres.keycloak.siret.Siret;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * « Accepter l'invitation »: marks the invitation ACCEPTED by the signed-in invitee and
 * grants its habilitation, in one transaction, so either both happen or neither. The
 * guarded update of the store decides the one winner of concurrent or repeated submissions: only it
 * grants and records the event.
 */
final class InvitationAcceptance {

    static final String ACTION = "accept-invitation";

    private final KeycloakSession session;

    InvitationAcceptance(KeycloakSession session) {
        this.session = session;
    }

    enum Outcome {
        /** This call accepted it and granted the habilitation. */
        ACCEPTED,
        /** Another call won (a double click, another tab, another node): nothing more was done. */
        LOST,
        /** The centre is gone, or the SIRET is no longer one of its sites: nothing was done. */
        CENTRE_GONE,
        /** The database stayed too busy: nothing was done, and the link's page still offers to accept. */
        BUSY
    }

    /** Accepts a live link for {@code signedIn}, whose address the caller has checked is the invited one. */
    Outcome accept(OpenedLink link, AuthResult signedIn, ClientModel portalClient, long now) {
        Invitation invitation = link.invitation();
        int linkVersion = link.token().getLinkVersion();
        // The guarded update, the grant, the event and its count in a short transaction of their own (see
        // ShortTransaction): the invitation's row is locked only while they are written, and a habilitation never
        // stands without the event that says who accepted it.
        return ShortTransaction.run(session, "ceres-invitation-acceptance", own -> {
            Outcome accepted = accept(own, invitation, linkVersion, signedIn.user().getId(), now);
            if (accepted == Outcome.ACCEPTED) {
                new EventBuilder(own.getContext().getRealm(), own, session.getContext().getConnection())
                        .event(EventType.INVITE_ORG)
                        .client(portalClient)
                        .user(signedIn.user())
                        .session(signedIn.session())
                        .detail("ceres_action", ACTION)
                        .detail("ceres_centre", invitation.centre())
                        .detail("ceres_siret", invitation.siret())
                        .detail("ceres_role", invitation.role().id())
                        .detail("ceres_invitation", invitation.id())
                        .success();
                AccessMetrics.invitationAccepted(own);
            }
            return accepted;
        }).orElse(Outcome.BUSY);
    }

    private static Outcome accept(KeycloakSession own, Invitation invitation, int linkVersion, String userId, long now) {
        Optional<OrganizationModel> centre = centreStillHolding(own, invitation);
        if (centre.isEmpty()) {
            return Outcome.CENTRE_GONE;
        }
        if (!InvitationStore.of(own).accept(invitation.id(), linkVersion, userId, now)) {
            return Outcome.LOST;
        }
        UserModel invitee = own.users().getUserById(own.getContext().getRealm(), userId);
        new Habilitations(own).grant(centre.get(), invitation.siret(), invitation.role(), invitee);
        return Outcome.ACCEPTED;
    }

    /**
     * The centre's Organization, if the centre still exists and the habilitation's SIRET is still
     * the centre's or one of its linked sites: a link must not grant what the centre no longer has.
     */
    private static Optional<OrganizationModel> centreStillHolding(KeycloakSession session, Invitation invitation) {
        Optional<Centre> centre = Siret.parse(invitation.centre())
                .flatMap(new Centres(session, session.getContext().getRealm())::find);
        boolean holds = centre.map(c -> c.siret().value().equals(invitation.siret())
                || c.sitesLies().stream().anyMatch(site -> site.value().equals(invitation.siret()))).orElse(false);
        return holds
                ? Optional.ofNullable(session.getProvider(OrganizationProvider.class).getByAlias(invitation.centre()))
                        .filter(Habilitations::isActive)
                : Optional.empty();
    }
}
