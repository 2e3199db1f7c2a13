package fr.ceres.keycloak.access.manage;

import java.util.Optional;

import fr.ceres.keycloak.access.gestionnaire.AccessEvents;
import fr.ceres.keycloak.access.gestionnaire.Gestionnaire;
import fr.ceres.keycloak.access.gestionnaire.ManagedCentre;
import fr.ceres.keycloak.access.invitation.InvitationMails;
import fr.ceres.keycloak.access.invitation.InvitationOptions;
import fr.ceres.keycloak.access.request.AccessRequestMails;
import fr.ceres.keycloak.access.store.AccessRequest;
import fr.ceres.keycloak.access.store.AccessRequestStore;
import fr.ceres.keycloak.access.store.Invitation;
import fr.ceres.keycloak.access.store.InvitationStore;
import fr.ceres.keycloak.access.store.MailQuota;
import fr.ceres.keycloak.access.store.MailQuotas;
import fr.ceres.keycloak.centre.habilitation.CeresRole;
import fr.ceres.keycloak.centre.habilitation.Habilitation;
import fr.ceres.keycloak.centre.habilitation.HabilitationChange;
import fr.ceres.keycloak.centre.habilitation.Habilitations;
import fr.ceres.keycloak.common.FreeText;
import fr.ceres.keycloak.common.ShortTransaction;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * What a gestionnaire does from the access page (flow F7): send an invitation again (a new
 * link, the old ones void), cancel it, change a habilitation's role or SIRET, take it away, accept or
 * refuse an access request. Each returns
 * the notice word the page then shows; each success is an admin event ({@link AccessEvents}). Only the
 * centre's invitations, SIRETs and people are touched: an id of another centre's invitation, a SIRET that
 * is not the centre's or a person without that habilitation change nothing.
 */
final class AccessActions {

    static final String RESEND = "renvoyer";
    static final String CANCEL = "annuler";
    static final String CHANGE = "modifier";
    static final String REVOKE = "retirer";
    static final String ACCEPT_REQUEST = "accepter";
    static final String REFUSE_REQUEST = "refuser";

    static final String RESENT = "invitation-renvoyee";
    static final String CANCELLED = "invitation-annulee";
    /** The invitation is no longer pending: accepted, cancelled, or not this centre's. */
    static final String NOT_PENDING = "invitation-introuvable";
    static final String NOT_SENT = "envoi-impossible";
    /** The centre sent as many invitation emails as its daily quota allows. */
    static final String INVITATIONS_QUOTA = "quota-invitations";
    static final String CHANGED = "habilitation-modifiee";
    static final String REVOKED = "habilitation-retiree";
    static final String NOT_HELD = "habilitation-introuvable";
    static final String LAST_GESTIONNAIRE = "dernier-gestionnaire";
    static final String INVALID = "saisie-invalide";
    /** The database stayed too busy to take the change: nothing was done. */
    static final String BUSY = "service-occupe";
    static final String REQUEST_ACCEPTED = "demande-acceptee";
    static final String REQUEST_REFUSED = "demande-refusee";
    /** The request is no longer pending: decided by another gestionnaire, not this centre's, or its account is gone. */
    static final String REQUEST_GONE = "demande-introuvable";
    static final String REASON_TOO_LONG = "motif-trop-long";
    static final String REASON_HIDDEN_CHARACTERS = "motif-invalide";

    private static final Logger LOG = Logger.getLogger(AccessActions.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Gestionnaire gestionnaire;
    private final InvitationOptions invitations;

    AccessActions(KeycloakSession session, Gestionnaire gestionnaire, InvitationOptions invitations) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.gestionnaire = gestionnaire;
        this.invitations = invitations;
    }

    /** A new link with a new expiry, by email; the links sent before stop working. */
    String resend(String invitationId) {
        long now = Time.currentTimeMillis();
        Optional<Invitation> resent = InvitationStore.of(session)
                .resend(centre().siret(), invitationId, invitations.expiryOf(now));
        if (resent.isEmpty()) {
            return NOT_PENDING;
        }
        if (!MailQuotas.of(session).take(MailQuota.CENTRE_INVITATIONS, centre().organization().getId(), now)) {
            // The new link version goes with the transaction: the links sent before keep working.
            session.getTransactionManager().setRollbackOnly();
            return INVITATIONS_QUOTA;
        }
        try {
            new InvitationMails(session).sendInvitation(resent.get(), centre().organization());
        } catch (EmailException e) {
            // The old link keeps working if the new one could not be sent.
            LOG.warnf("Invitation email to the centre %s's invitee could not be sent again: %s",
                    centre().siret(), e.getMessage());
            session.getTransactionManager().setRollbackOnly();
            return NOT_SENT;
        }
        events().resent(resent.get());
        return RESENT;
    }

    String cancel(String invitationId) {
        InvitationStore store = InvitationStore.of(session);
        Optional<Invitation> invitation = store.find(invitationId).filter(i -> i.centre().equals(centre().siret()));
        if (invitation.isEmpty() || !store.cancel(centre().siret(), invitationId,
                gestionnaire.user().getId(), Time.currentTimeMillis())) {
            return NOT_PENDING;
        }
        events().cancelled(invitation.get());
        return CANCELLED;
    }

    String change(HabilitationForm form) {
        Optional<UserModel> person = person(form);
        if (person.isEmpty() || form.role().isEmpty() || form.newRole().isEmpty()
                || !centre().hasSiret(form.siret()) || !centre().hasSiret(form.newSiret())) {
            return INVALID;
        }
        CeresRole from = form.role().get();
        CeresRole to = form.newRole().get();
        Optional<HabilitationChange> outcome = underCentreLock("ceres-habilitation-change", (habilitations, centre, user) ->
                habilitations.change(centre, user, form.siret(), from, form.newSiret(), to), person.get());
        if (outcome.equals(Optional.of(HabilitationChange.DONE)) && (from != to || !form.siret().equals(form.newSiret()))) {
            events().changed(person.get(), form.siret(), from, form.newSiret(), to);
        }
        return outcome.map(done -> notice(done, CHANGED)).orElse(BUSY);
    }

    String revoke(HabilitationForm form) {
        Optional<UserModel> person = person(form);
        if (person.isEmpty() || form.role().isEmpty() || !centre().hasSiret(form.siret())) {
            return INVALID;
        }
        Optional<HabilitationChange> outcome = underCentreLock("ceres-habilitation-revocation", (habilitations, centre, user) ->
                habilitations.revoke(centre, form.siret(), form.role().get(), user), person.get());
        if (outcome.equals(Optional.of(HabilitationChange.DONE))) {
            events().revoked(person.get(), form.siret(), form.role().get());
        }
        return outcome.map(done -> notice(done, REVOKED)).orElse(BUSY);
    }

    /**
     * Accepts a pending access request of the centre, giving the person the chosen role for the chosen SIRET of
     * the centre, and tells them by email. Of gestionnaires deciding at once, one only does it.
     */
    String acceptRequest(String requestId, RequestDecisionForm form) {
        if (form.role().isEmpty() || !centre().hasSiret(form.siret())) {
            return INVALID;
        }
        Optional<AccessRequest> request = pendingRequest(requestId);
        Optional<UserModel> requester = request.map(AccessRequest::requesterId)
                .map(id -> session.users().getUserById(realm, id));
        Habilitation granted = new Habilitation(form.siret(), form.role().get(), centre().siret());
        if (requester.isEmpty() || !AccessRequestStore.of(session)
                .accept(request.get(), granted, gestionnaire.actor(), Time.currentTimeMillis())) {
            return REQUEST_GONE;
        }
        new Habilitations(session).grant(centre().organization(), granted.siret(), granted.role(), requester.get());
        try {
            new AccessRequestMails(session).sendAccepted(centre().organization(), requester.get(), gestionnaire.user(),
                    granted);
        } catch (EmailException e) {
            // Undecided and not granted: the gestionnaire tries again once the person can be told.
            LOG.warnf("Acceptance of an access request to the centre %s could not be emailed: %s",
                    centre().siret(), e.getMessage());
            session.getTransactionManager().setRollbackOnly();
            return NOT_SENT;
        }
        events().requestAccepted(requester.get(), request.get(), granted);
        return REQUEST_ACCEPTED;
    }

    /** Refuses a pending access request of the centre, with an optional reason, and tells the person by email. */
    String refuseRequest(String requestId, RequestDecisionForm form) {
        if (form.reasonProblem().isPresent()) {
            return form.reasonProblem().get() == FreeText.Problem.TOO_LONG ? REASON_TOO_LONG : REASON_HIDDEN_CHARACTERS;
        }
        Optional<AccessRequest> request = pendingRequest(requestId);
        if (request.isEmpty() || !AccessRequestStore.of(session)
                .refuse(request.get(), form.reason(), gestionnaire.actor(), Time.currentTimeMillis())) {
            return REQUEST_GONE;
        }
        UserModel requester = session.users().getUserById(realm, request.get().requesterId());
        if (requester != null) {
            try {
                new AccessRequestMails(session).sendRefused(centre().organization(), requester, gestionnaire.user(),
                        form.reason());
            } catch (EmailException e) {
                LOG.warnf("Refusal of an access request to the centre %s could not be emailed: %s",
                        centre().siret(), e.getMessage());
                session.getTransactionManager().setRollbackOnly();
                return NOT_SENT;
            }
        }
        events().requestRefused(request.get(), form.reason());
        return REQUEST_REFUSED;
    }

    /** The centre's access request of that id, if it is still waiting (an id of another centre's is not found). */
    private Optional<AccessRequest> pendingRequest(String requestId) {
        return AccessRequestStore.of(session).find(requestId)
                .filter(r -> r.centre().equals(centre().siret()) && r.state() == AccessRequest.State.PENDING);
    }

    /**
     * A change of the person's habilitations in the centre, in a short transaction of its own (see ShortTransaction):
     * the centre's lock (see Habilitations) is held only while the change is written. Empty if the database stayed
     * too busy, and then nothing changed.
     */
    private Optional<HabilitationChange> underCentreLock(String name, CentreChange change, UserModel person) {
        String centreId = centre().organization().getId();
        String personId = person.getId();
        return ShortTransaction.run(session, name, own -> change.apply(new Habilitations(own),
                own.getProvider(OrganizationProvider.class).getById(centreId),
                own.users().getUserById(own.getContext().getRealm(), personId)));
    }

    /** One change of habilitations, on the models of the session that makes it. */
    @FunctionalInterface
    private interface CentreChange {
        HabilitationChange apply(Habilitations habilitations, OrganizationModel centre, UserModel person);
    }

    private static String notice(HabilitationChange outcome, String done) {
        return switch (outcome) {
            case DONE -> done;
            case NOT_HELD -> NOT_HELD;
            case LAST_GESTIONNAIRE -> LAST_GESTIONNAIRE;
        };
    }

    private Optional<UserModel> person(HabilitationForm form) {
        return form.person().isEmpty() ? Optional.empty()
                : Optional.ofNullable(session.users().getUserById(realm, form.person()));
    }

    private ManagedCentre centre() {
        return gestionnaire.centre();
    }

    private AccessEvents events() {
        return new AccessEvents(session, gestionnaire);
    }
}
