package fr.ceres.keycloak.access.manage;

import java.util.List;
import java.util.Set;

import fr.ceres.keycloak.access.gestionnaire.AccessGate.Admission;
import fr.ceres.keycloak.access.gestionnaire.AccessGate;
import fr.ceres.keycloak.access.gestionnaire.CentreAccess;
import fr.ceres.keycloak.access.gestionnaire.Gestionnaire;
import fr.ceres.keycloak.access.gestionnaire.ManagedCentre;
import fr.ceres.keycloak.access.invitation.InvitationOptions;
import fr.ceres.keycloak.access.invite.InviteDialog;
import fr.ceres.keycloak.access.invite.PeopleSearch;
import fr.ceres.keycloak.access.store.AccessRequest;
import fr.ceres.keycloak.access.store.AccessRequestStore;
import fr.ceres.keycloak.access.store.InvitationStore;
import fr.ceres.keycloak.access.web.CsrfToken;
import fr.ceres.keycloak.access.web.PortalSignIn;
import fr.ceres.keycloak.centre.habilitation.Habilitations;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.common.util.Time;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A centre's access page (« l'écrou » of the démarche Ceres, flows F3 and F7) and what hangs
 * under it, at {@code /realms/{realm}/ceres-portal/acces/{centre SIRET}}:
 * <ul>
 *   <li>{@code GET} the page: the people holding habilitations, the pending invitations and access requests;</li>
 *   <li>{@code GET personnes?q=} the suggestions of the invite dialog (JSON);</li>
 *   <li>{@code GET|POST inviter} the invite dialog ({@link InviteDialog});</li>
 *   <li>{@code POST invitations/{id}/renvoyer|annuler}, {@code POST habilitations/modifier|retirer},
 *       {@code POST demandes/{id}/accepter|refuser} ({@link AccessActions}).</li>
 * </ul>
 * Every one goes through {@link AccessGate} first. A form that did something answers with a 303 back to
 * the page and a {@code notice} word the page turns into its message (POST-redirect-GET).
 */
public final class AccessResource {

    static final String REQUESTS = "demandes";
    /** The notices the page knows; anything else in the address is ignored. */
    static final Set<String> NOTICES = Set.of(InviteDialog.SENT, AccessActions.RESENT, AccessActions.CANCELLED,
            AccessActions.NOT_PENDING, AccessActions.NOT_SENT, AccessActions.INVITATIONS_QUOTA, AccessActions.CHANGED, AccessActions.REVOKED,
            AccessActions.NOT_HELD, AccessActions.LAST_GESTIONNAIRE, AccessActions.INVALID, AccessActions.BUSY,
            AccessActions.REQUEST_ACCEPTED, AccessActions.REQUEST_REFUSED, AccessActions.REQUEST_GONE,
            AccessActions.REASON_TOO_LONG, AccessActions.REASON_HIDDEN_CHARACTERS);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AccessGate gate;
    private final InvitationOptions invitations;

    public AccessResource(KeycloakSession session, String centre, InvitationOptions invitations) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.gate = new AccessGate(session, centre);
        this.invitations = invitations;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam(AccessGate.NOTICE) String notice) {
        Admission admission = gate.page();
        if (admission.isRefused()) {
            return admission.refusal();
        }
        Gestionnaire gestionnaire = admission.gestionnaire();
        ManagedCentre centre = gestionnaire.centre();
        List<AccessPage.Person> people = new Habilitations(session).holders(centre.organization()).stream()
                .map(AccessPage.Person::new)
                .toList();
        List<AccessPage.PendingInvitation> pendingInvitations = InvitationStore.of(session)
                .pending(centre.siret(), Time.currentTimeMillis()).stream()
                .map(i -> new AccessPage.PendingInvitation(i,
                        gate.under("invitations", i.id(), AccessActions.RESEND).toString(),
                        gate.under("invitations", i.id(), AccessActions.CANCEL).toString()))
                .toList();
        List<AccessPage.PendingRequest> requests = AccessRequestStore.of(session)
                .pending(centre.siret()).stream()
                .map(r -> new AccessPage.PendingRequest(r, requester(r),
                        gate.under(REQUESTS, r.id(), AccessActions.ACCEPT_REQUEST).toString(),
                        gate.under(REQUESTS, r.id(), AccessActions.REFUSE_REQUEST).toString()))
                .toList();
        AccessPage page = new AccessPage(centre, people, pendingInvitations, requests,
                CsrfToken.of(gestionnaire.userSession()), notice != null && NOTICES.contains(notice) ? notice : null,
                new AccessPage.Urls(gate.portalUrl().toString(), gate.under(InviteDialog.PATH).toString(),
                        gate.under("habilitations", AccessActions.CHANGE).toString(),
                        gate.under("habilitations", AccessActions.REVOKE).toString()));
        return session.getProvider(LoginFormsProvider.class)
                .setUser(gestionnaire.user())
                .setAttribute("ceresAccess", page)
                .setResponseHeader(HttpHeaders.CACHE_CONTROL, PortalSignIn.NO_STORE)
                .createForm(AccessPage.TEMPLATE);
    }

    /** The invite dialog's suggestions: {@code [{"name": …, "email": …}]}, the company's accounts only. */
    @GET
    @Path(InviteDialog.PEOPLE)
    @Produces(MediaType.APPLICATION_JSON)
    public Response people(@QueryParam("q") String typed) {
        Admission admission = gate.json();
        if (admission.isRefused()) {
            return admission.refusal();
        }
        List<PeopleSearch.Person> found = PeopleSearch.of(session)
                .sameCompany(realm.getId(), admission.gestionnaire().centre().centre().siren(), typed);
        return Response.ok(found, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, PortalSignIn.NO_STORE)
                .build();
    }

    @GET
    @Path(InviteDialog.PATH)
    @Produces(MediaType.TEXT_HTML)
    public Response inviteDialog() {
        Admission admission = gate.page();
        if (admission.isRefused()) {
            return admission.refusal();
        }
        return new InviteDialog(session, admission.gestionnaire(), gate, invitations).open();
    }

    @POST
    @Path(InviteDialog.PATH)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response invite() {
        MultivaluedMap<String, String> form = form();
        Admission admission = gate.form(form.getFirst(CsrfToken.FIELD));
        if (admission.isRefused()) {
            return admission.refusal();
        }
        return new InviteDialog(session, admission.gestionnaire(), gate, invitations).submit(form);
    }

    @POST
    @Path("invitations/{id}/" + AccessActions.RESEND)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@PathParam("id") String id) {
        Admission admission = gate.form(form().getFirst(CsrfToken.FIELD));
        if (admission.isRefused()) {
            return admission.refusal();
        }
        return gate.backToPage(actions(admission).resend(id));
    }

    @POST
    @Path("invitations/{id}/" + AccessActions.CANCEL)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") String id) {
        Admission admission = gate.form(form().getFirst(CsrfToken.FIELD));
        if (admission.isRefused()) {
            return admission.refusal();
        }
        return gate.backToPage(actions(admission).cancel(id));
    }

    @POST
    @Path("habilitations/" + AccessActions.CHANGE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change() {
        MultivaluedMap<String, String> form = form();
        Admission admission = gate.form(form.getFirst(CsrfToken.FIELD));
        if (admission.isRefused()) {
            return admission.refusal();
        }
        String notice = actions(admission).change(HabilitationForm.read(form));
        return afterHabilitationChange(admission.gestionnaire().user(), notice);
    }

    @POST
    @Path("habilitations/" + AccessActions.REVOKE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke() {
        MultivaluedMap<String, String> form = form();
        Admission admission = gate.form(form.getFirst(CsrfToken.FIELD));
        if (admission.isRefused()) {
            return admission.refusal();
        }
        String notice = actions(admission).revoke(HabilitationForm.read(form));
        return afterHabilitationChange(admission.gestionnaire().user(), notice);
    }

    @POST
    @Path(REQUESTS + "/{id}/" + AccessActions.ACCEPT_REQUEST)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acceptRequest(@PathParam("id") String id) {
        MultivaluedMap<String, String> form = form();
        Admission admission = gate.form(form.getFirst(CsrfToken.FIELD));
        if (admission.isRefused()) {
            return admission.refusal();
        }
        return gate.backToPage(actions(admission).acceptRequest(id, RequestDecisionForm.read(form)));
    }

    @POST
    @Path(REQUESTS + "/{id}/" + AccessActions.REFUSE_REQUEST)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refuseRequest(@PathParam("id") String id) {
        MultivaluedMap<String, String> form = form();
        Admission admission = gate.form(form.getFirst(CsrfToken.FIELD));
        if (admission.isRefused()) {
            return admission.refusal();
        }
        return gate.backToPage(actions(admission).refuseRequest(id, RequestDecisionForm.read(form)));
    }

    /** A gestionnaire who just gave up their own last gestionnaire habilitation of the centre goes back to the portal. */
    private Response afterHabilitationChange(UserModel actor, String notice) {
        boolean stillManages = new CentreAccess(session, realm).managedBy(actor, gate.centre()).isPresent();
        return stillManages ? gate.backToPage(notice) : PortalSignIn.redirect(gate.portalUrl());
    }

    private AccessActions actions(Admission admission) {
        return new AccessActions(session, admission.gestionnaire(), invitations);
    }

    private UserModel requester(AccessRequest request) {
        return request.requesterId() == null ? null : session.users().getUserById(realm, request.requesterId());
    }

    private MultivaluedMap<String, String> form() {
        return session.getContext().getHttpRequest().getDecodedFormParameters();
    }
}
