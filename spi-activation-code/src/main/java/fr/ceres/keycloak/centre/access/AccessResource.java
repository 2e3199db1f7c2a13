package fr.ceres.keycloak.centre.access;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import fr.ceres.keycloak.centre.access.AccessGate.Admission;
import fr.ceres.keycloak.centre.access.jpa.InvitationStore;
import fr.ceres.keycloak.centre.habilitation.Habilitations;
import fr.ceres.keycloak.centre.portal.PortalSignIn;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.common.util.Time;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A centre's access page (« l'écrou » of the démarche Ceres, issue 4 §1, flows F3 and F7) and what hangs
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

    static final String INVITE = "inviter";
    static final String PEOPLE = "personnes";
    static final String REQUESTS = "demandes";
    static final String NOTICE = "notice";
    /** The notices the page knows; anything else in the address is ignored. */
    static final Set<String> NOTICES = Set.of(InviteDialog.SENT, AccessActions.RESENT, AccessActions.CANCELLED,
            AccessActions.NOT_PENDING, AccessActions.NOT_SENT, AccessActions.CHANGED, AccessActions.REVOKED,
            AccessActions.NOT_HELD, AccessActions.LAST_GESTIONNAIRE, AccessActions.INVALID,
            AccessActions.REQUEST_ACCEPTED, AccessActions.REQUEST_REFUSED, AccessActions.REQUEST_GONE,
            AccessActions.REASON_TOO_LONG);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AccessGate gate;
    private final Duration invitationLifetime;

    public AccessResource(KeycloakSession session, String centre, Duration invitationLifetime) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.gate = new AccessGate(session, centre);
        this.invitationLifetime = invitationLifetime;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam(NOTICE) String notice) {
        Admission admission = gate.page();
        if (admission.isRefused()) {
            return admission.refusal();
        }
        Gestionnaire gestionnaire = admission.gestionnaire();
        ManagedCentre centre = gestionnaire.centre();
        InvitationStore store = InvitationStore.of(session);
        long now = Time.currentTimeMillis();
        List<AccessPage.Person> people = new Habilitations(session).holders(centre.organization()).stream()
                .map(AccessPage.Person::new)
                .toList();
        List<AccessPage.PendingInvitation> invitations = store
                .pending(realm.getId(), centre.siret(), InvitationKind.INVITATION, now).stream()
                .map(i -> new AccessPage.PendingInvitation(i,
                        gate.under("invitations", i.id(), AccessActions.RESEND).toString(),
                        gate.under("invitations", i.id(), AccessActions.CANCEL).toString()))
                .toList();
        List<AccessPage.PendingRequest> requests = store
                .pending(realm.getId(), centre.siret(), InvitationKind.REQUEST, now).stream()
                .map(r -> new AccessPage.PendingRequest(r, requester(r),
                        gate.under(REQUESTS, r.id(), AccessActions.ACCEPT_REQUEST).toString(),
                        gate.under(REQUESTS, r.id(), AccessActions.REFUSE_REQUEST).toString()))
                .toList();
        AccessPage page = new AccessPage(centre, people, invitations, requests,
                CsrfToken.of(gestionnaire.userSession()), notice != null && NOTICES.contains(notice) ? notice : null,
                new AccessPage.Urls(gate.portalUrl().toString(), gate.under(INVITE).toString(),
                        gate.under("habilitations", AccessActions.CHANGE).toString(),
                        gate.under("habilitations", AccessActions.REVOKE).toString()));
        return session.getProvider(LoginFormsProvider.class)
                .setUser(gestionnaire.user())
                .setAttribute("ceresAccess", page)
                .setResponseHeader("Cache-Control", AccessGate.NO_STORE)
                .createForm(AccessGate.TEMPLATE);
    }

    /** The invite dialog's suggestions: {@code [{"name": …, "email": …}]}, the company's accounts only. */
    @GET
    @Path(PEOPLE)
    @Produces(MediaType.APPLICATION_JSON)
    public Response people(@QueryParam("q") String typed) {
        Admission admission = gate.json();
        if (admission.isRefused()) {
            return admission.refusal();
        }
        List<PeopleSearch.Person> found = PeopleSearch.of(session)
                .sameCompany(realm.getId(), admission.gestionnaire().centre().centre().siren(), typed);
        return Response.ok(found, MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", AccessGate.NO_STORE)
                .build();
    }

    @GET
    @Path(INVITE)
    @Produces(MediaType.TEXT_HTML)
    public Response inviteDialog() {
        Admission admission = gate.page();
        if (admission.isRefused()) {
            return admission.refusal();
        }
        return new InviteDialog(session, admission.gestionnaire(), gate, invitationLifetime).open();
    }

    @POST
    @Path(INVITE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response invite() {
        MultivaluedMap<String, String> form = form();
        Admission admission = gate.form(form.getFirst(CsrfToken.FIELD));
        if (admission.isRefused()) {
            return admission.refusal();
        }
        return new InviteDialog(session, admission.gestionnaire(), gate, invitationLifetime).submit(form);
    }

    @POST
    @Path("invitations/{id}/" + AccessActions.RESEND)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@PathParam("id") String id) {
        Admission admission = gate.form(form().getFirst(CsrfToken.FIELD));
        if (admission.isRefused()) {
            return admission.refusal();
        }
        return backToPage(gate, actions(admission).resend(id));
    }

    @POST
    @Path("invitations/{id}/" + AccessActions.CANCEL)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") String id) {
        Admission admission = gate.form(form().getFirst(CsrfToken.FIELD));
        if (admission.isRefused()) {
            return admission.refusal();
        }
        return backToPage(gate, actions(admission).cancel(id));
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
        return backToPage(gate, actions(admission).acceptRequest(id, RequestDecisionForm.read(form)));
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
        return backToPage(gate, actions(admission).refuseRequest(id, RequestDecisionForm.read(form)));
    }

    /** The 303 back to the access page, saying what happened. */
    static Response backToPage(AccessGate gate, String notice) {
        URI page = UriBuilder.fromUri(gate.pageUrl()).queryParam(NOTICE, notice).build();
        return PortalSignIn.redirect(page);
    }

    /** A gestionnaire who just gave up their own last gestionnaire habilitation of the centre goes back to the portal. */
    private Response afterHabilitationChange(UserModel actor, String notice) {
        boolean stillManages = new CentreAccess(session, realm).managedBy(actor, gate.centre()).isPresent();
        return stillManages ? backToPage(gate, notice) : PortalSignIn.redirect(gate.portalUrl());
    }

    private AccessActions actions(Admission admission) {
        return new AccessActions(session, admission.gestionnaire(), invitationLifetime);
    }

    private UserModel requester(Invitation request) {
        return request.userId() == null ? null : session.users().getUserById(realm, request.userId());
    }

    private MultivaluedMap<String, String> form() {
        return session.getContext().getHttpRequest().getDecodedFormParameters();
    }
}
