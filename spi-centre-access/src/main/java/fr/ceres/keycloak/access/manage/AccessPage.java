package fr.ceres.keycloak.access.manage;

import java.util.List;

import fr.ceres.keycloak.access.gestionnaire.ManagedCentre;
import fr.ceres.keycloak.access.store.AccessRequest;
import fr.ceres.keycloak.access.store.Invitation;
import fr.ceres.keycloak.access.web.DeclaredIdentity;
import fr.ceres.keycloak.access.web.PersonName;
import fr.ceres.keycloak.access.web.RefusalPage;
import fr.ceres.keycloak.centre.habilitation.CeresRole;
import fr.ceres.keycloak.centre.habilitation.Habilitation;
import fr.ceres.keycloak.centre.habilitation.HabilitationHolder;
import fr.ceres.keycloak.siret.ProfileAttributes;
import org.keycloak.models.UserModel;

/**
 * What {@code ceres-access.ftl} shows, under the attribute {@code ceresAccess}: the centre, the people
 * holding its habilitations, its pending invitations and access requests, and the forms acting on them
 * (JavaBean getters: what the theme's FreeMarker wrapper exposes as properties).
 */
public final class AccessPage {

    /** The page's template, which also words the portal's refusals ({@link RefusalPage}). */
    static final String TEMPLATE = RefusalPage.TEMPLATE;

    private final ManagedCentre centre;
    private final List<Person> people;
    private final List<PendingInvitation> invitations;
    private final List<PendingRequest> requests;
    private final String csrf;
    private final String notice;
    private final Urls urls;

    AccessPage(ManagedCentre centre, List<Person> people, List<PendingInvitation> invitations,
            List<PendingRequest> requests, String csrf, String notice, Urls urls) {
        this.centre = centre;
        this.people = people;
        this.invitations = invitations;
        this.requests = requests;
        this.csrf = csrf;
        this.notice = notice;
        this.urls = urls;
    }

    public String getCentre() {
        return centre.siret();
    }

    public String getCentreName() {
        return centre.companyName();
    }

    /** The SIRETs a habilitation may name, for the « Modifier » forms. */
    /** The roles the forms offer, by id, in the order to offer them. */
    public List<String> getRoles() {
        return CeresRole.offered();
    }

    public List<String> getSirets() {
        return centre.sirets();
    }

    public List<Person> getPeople() {
        return people;
    }

    public List<PendingInvitation> getInvitations() {
        return invitations;
    }

    public List<PendingRequest> getRequests() {
        return requests;
    }

    /** The hidden field of every form. */
    public String getCsrf() {
        return csrf;
    }

    /** The longest reason the « Refuser » form takes, for its field's {@code maxlength}. */
    public int getReasonMaxLength() {
        return RequestDecisionForm.REASON_MAX_LENGTH;
    }

    /** What the last action did, as a word the template turns into a message; null: nothing to say. */
    public String getNotice() {
        return notice;
    }

    public Urls getUrls() {
        return urls;
    }

    /** The addresses of the page's links and forms. */
    public static final class Urls {

        private final String portal;
        private final String invite;
        private final String change;
        private final String revoke;

        Urls(String portal, String invite, String change, String revoke) {
            this.portal = portal;
            this.invite = invite;
            this.change = change;
            this.revoke = revoke;
        }

        public String getPortal() {
            return portal;
        }

        public String getInvite() {
            return invite;
        }

        public String getChange() {
            return change;
        }

        public String getRevoke() {
            return revoke;
        }
    }

    /** One person holding habilitations in the centre. */
    public static final class Person {

        private final HabilitationHolder holder;

        Person(HabilitationHolder holder) {
            this.holder = holder;
        }

        public String getId() {
            return holder.user().getId();
        }

        public String getName() {
            return PersonName.of(holder.user());
        }

        public String getEmail() {
            return holder.user().getEmail() == null ? "" : holder.user().getEmail();
        }

        public List<Held> getHabilitations() {
            return holder.habilitations().stream().map(Held::new).toList();
        }
    }

    /** One habilitation of a person. */
    public static final class Held {

        private final Habilitation habilitation;

        Held(Habilitation habilitation) {
            this.habilitation = habilitation;
        }

        public String getSiret() {
            return habilitation.siret();
        }

        /** {@code gestionnaire} or {@code centre-agree}. */
        public String getRole() {
            return habilitation.role().id();
        }
    }

    /** One invitation waiting for its answer. */
    public static final class PendingInvitation {

        private final Invitation invitation;
        private final String resendUrl;
        private final String cancelUrl;

        PendingInvitation(Invitation invitation, String resendUrl, String cancelUrl) {
            this.invitation = invitation;
            this.resendUrl = resendUrl;
            this.cancelUrl = cancelUrl;
        }

        public String getId() {
            return invitation.id();
        }

        public String getEmail() {
            return invitation.email();
        }

        public String getRole() {
            return invitation.role().id();
        }

        public String getSiret() {
            return invitation.siret();
        }

        public String getInviter() {
            return invitation.inviter().name() == null ? "" : invitation.inviter().name();
        }

        public String getCreated() {
            return AccessDates.shown(invitation.createdAt());
        }

        public String getCreatedIso() {
            return AccessDates.machine(invitation.createdAt());
        }

        public String getExpires() {
            return AccessDates.shown(invitation.expiresAt());
        }

        public String getExpiresIso() {
            return AccessDates.machine(invitation.expiresAt());
        }

        public String getResendUrl() {
            return resendUrl;
        }

        public String getCancelUrl() {
            return cancelUrl;
        }
    }

    /** One access request waiting for a gestionnaire's decision, with the « Accepter » and « Refuser » forms. */
    public static final class PendingRequest {

        private final AccessRequest request;
        private final UserModel requester;
        private final String acceptUrl;
        private final String refuseUrl;

        /** {@code requester}: the account that asked, or null if it is gone. */
        PendingRequest(AccessRequest request, UserModel requester, String acceptUrl, String refuseUrl) {
            this.request = request;
            this.requester = requester;
            this.acceptUrl = acceptUrl;
            this.refuseUrl = refuseUrl;
        }

        public String getId() {
            return request.id();
        }

        /** The requester's name, or their email when the account is gone or has no name. */
        public String getName() {
            return requester == null ? request.email() : PersonName.of(requester);
        }

        public String getEmail() {
            return request.email();
        }

        /** The SIRET of the requester's account, as it is now; empty if the account is gone or has none. */
        public String getAccountSiret() {
            String siret = requester == null ? null : requester.getFirstAttribute(ProfileAttributes.SIRET);
            return siret == null ? "" : siret;
        }

        /** What the requester declares of their company next to what is known (the account as it is now). */
        public DeclaredIdentity getDeclared() {
            return requester == null ? new DeclaredIdentity(null, null, request.email()) : DeclaredIdentity.of(requester);
        }

        public String getCreated() {
            return AccessDates.shown(request.createdAt());
        }

        public String getCreatedIso() {
            return AccessDates.machine(request.createdAt());
        }

        public String getAcceptUrl() {
            return acceptUrl;
        }

        public String getRefuseUrl() {
            return refuseUrl;
        }
    }
}
