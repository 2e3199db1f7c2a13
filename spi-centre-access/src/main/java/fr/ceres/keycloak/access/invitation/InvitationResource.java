package fr.ceres.keycloak.access.invitation;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import fr.ceres.keycloak.access.store.Invitation;
import fr.ceres.keycloak.access.web.CompanyName;
import fr.ceres.keycloak.access.web.CsrfToken;
import fr.ceres.keycloak.access.web.PortalSignIn;
import fr.ceres.keycloak.common.PortalUrls;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.common.util.Time;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * The invitee's page, {@code /realms/{realm}/ceres-portal/invitation?key=<token>} (flow
 * F4), rendered with the login theme ({@code ceres-invitation.ftl}).
 *
 * <ul>
 *   <li>A link that cannot be used (forged, expired, cancelled, already used, replaced by a newer
 *   one) gets a French page saying which.</li>
 *   <li>Nobody signed in: the invitee is sent to sign in ({@code login_hint} = the invited address)
 *   when an account has that address, else to sign up, with the key carried in the authorization
 *   request so that the sign-up form fixes the address ({@link InvitationRegistration}); either way
 *   the browser comes back to the link.</li>
 *   <li>Signed in as the invited address (case-insensitive equality, nothing looser): what is
 *   accepted and « Accepter l'invitation », a form with the session's anti-forgery token.</li>
 *   <li>Signed in as someone else: said so, with « Changer de compte »; never granted.</li>
 * </ul>
 */
public final class InvitationResource {

    static final String TEMPLATE = "ceres-invitation.ftl";
    static final String ATTRIBUTE = "ceresInvitation";
    /**
     * The authorization request parameter carrying the key to the sign-up form. Keycloak keeps
     * unknown parameters of an authorization request as client notes of the authentication session
     * ({@code client_request_param_<name>}), up to 2,000 characters each: the key is far shorter.
     */
    public static final String SIGNUP_PARAMETER = "ceres_invitation";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final PortalSignIn signIn;

    public InvitationResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.signIn = new PortalSignIn(session);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam(InvitationLinks.KEY) String keyInLink) {
        Response page = open(keyInLink != null ? keyInLink : InvitationKeyCookie.read(session).orElse(null));
        if (keyInLink == null) {
            return page;
        }
        // Opened from the email: the browser keeps the key for the way back from signing in or up.
        return Response.fromResponse(page)
                .header(HttpHeaders.SET_COOKIE, InvitationKeyCookie.keep(returnUrl(), keyInLink))
                .build();
    }

    /** The page of the link whose key this is, for whoever is (or is not) signed in here. */
    private Response open(String key) {
        ClientModel portalClient = portalClient();
        Optional<AuthResult> signedIn = signIn.signedIn();
        if (signedIn.isPresent() && signIn.isReturnFromSignIn()) {
            InvitationRegistration.forgetKey(signedIn.get().session(), portalClient);
            return signIn.dropReturnParameters();
        }
        OpenedLink link = OpenedLink.open(session, realm, key, Time.currentTimeMillis());
        if (link.status() == OpenedLink.Status.USED && signedIn.isPresent()
                && signedIn.get().user().getId().equals(link.invitation().acceptedBy())) {
            return render(InvitationPage.accepted(link.invitation(), company(link.invitation()), portalUrl()),
                    Response.Status.OK);
        }
        if (!link.isLive()) {
            return render(InvitationPage.closed(link.status(), portalUrl()), Response.Status.BAD_REQUEST);
        }
        if (signedIn.isEmpty()) {
            URI signInUrl = signInOrSignUp(link, key, returnUrl());
            // Back from the sign-in page without a session (the person gave up): no loop, a button.
            return signIn.isReturnFromSignIn()
                    ? render(InvitationPage.signIn(link.invitation(), signInUrl.toString()), Response.Status.OK)
                    : PortalSignIn.redirect(signInUrl);
        }
        UserModel user = signedIn.get().user();
        if (!isInvited(user, link.invitation())) {
            return render(InvitationPage.otherAccount(link.invitation(), user.getEmail(),
                    switchAccountUrl().toString()), Response.Status.OK);
        }
        return render(InvitationPage.confirm(link.invitation(), company(link.invitation()), key,
                CsrfToken.of(signedIn.get().session()), new InvitationLinks(session, realm).page().toString()),
                Response.Status.OK);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response accept(@FormParam(InvitationLinks.KEY) String key, @FormParam(CsrfToken.FIELD) String csrf) {
        ClientModel portalClient = portalClient();
        URI linkUrl = linkUrl(key);
        Optional<AuthResult> signedIn = signIn.signedIn();
        if (signedIn.isEmpty()) {
            // Signed out meanwhile: the link itself sends the person to sign in and back.
            return PortalSignIn.redirect(linkUrl);
        }
        if (!CsrfToken.matches(signedIn.get().session(), csrf)) {
            return render(InvitationPage.forbidden(linkUrl.toString()), Response.Status.FORBIDDEN);
        }
        long now = Time.currentTimeMillis();
        OpenedLink link = OpenedLink.open(session, realm, key, now);
        if (!link.isLive()) {
            // Accepted by this very person a moment ago (a double click) included: the link's page says so.
            return PortalSignIn.redirect(linkUrl);
        }
        if (!isInvited(signedIn.get().user(), link.invitation())) {
            refused(portalClient, signedIn.get(), link.invitation(), Errors.DIFFERENT_USER_AUTHENTICATED);
            return render(InvitationPage.otherAccount(link.invitation(), signedIn.get().user().getEmail(),
                    switchAccountUrl().toString()), Response.Status.FORBIDDEN);
        }
        InvitationAcceptance.Outcome outcome = new InvitationAcceptance(session, realm)
                .accept(link, signedIn.get(), portalClient, now);
        if (outcome == InvitationAcceptance.Outcome.CENTRE_GONE) {
            refused(portalClient, signedIn.get(), link.invitation(), Errors.INVALID_REQUEST);
            return render(InvitationPage.closed(OpenedLink.Status.INVALID, portalUrl()), Response.Status.BAD_REQUEST);
        }
        // Post-redirect-get: the link's page now shows the accepted invitation (or why not).
        return PortalSignIn.redirect(linkUrl);
    }

    /** Exact equality of addresses, ignoring case: {@code marie@x.fr} never matches {@code anne-marie@x.fr}. */
    private static boolean isInvited(UserModel user, Invitation invitation) {
        return user.getEmail() != null && user.getEmail().equalsIgnoreCase(invitation.email());
    }

    private ClientModel portalClient() {
        ClientModel client = realm.getClientByClientId(PortalUrls.ID);
        if (client == null || !client.isEnabled()) {
            // A realm without the portal's client has no portal.
            throw new NotFoundException();
        }
        return client;
    }

    /**
     * To sign in when an account has the invited address, else to sign up with the key, so that the
     * form fixes the address; {@code login_hint} fills it in either way.
     */
    private URI signInOrSignUp(OpenedLink link, String key, URI returnUrl) {
        String email = link.invitation().email();
        if (session.users().getUserByEmail(realm, email) != null) {
            return signIn.signInUrl(returnUrl, email);
        }
        return signIn.signUpUrl(returnUrl, Map.of(OIDCLoginProtocol.LOGIN_HINT_PARAM, email, SIGNUP_PARAMETER, key));
    }

    /** RP-initiated logout of the portal's client, back to the invitation page (which then asks to sign in). */
    private URI switchAccountUrl() {
        return signIn.logoutUrl(returnUrl());
    }

    /**
     * Where signing in, signing up or switching account comes back to: the invitation page without
     * its key, which waits in {@link InvitationKeyCookie} (Keycloak records these addresses in its events).
     */
    private URI returnUrl() {
        return new InvitationLinks(session, realm).page();
    }

    private URI linkUrl(String key) {
        return new InvitationLinks(session, realm).withKey(key == null ? "" : key);
    }

    private String portalUrl() {
        return signIn.portalUrl().toString();
    }

    private String company(Invitation invitation) {
        OrganizationModel centre = session.getProvider(OrganizationProvider.class).getByAlias(invitation.centre());
        return centre == null ? invitation.centre() : CompanyName.of(centre);
    }

    /** A refused acceptance, as an error event naming the invitation (never the link's key). */
    private void refused(ClientModel portalClient, AuthResult signedIn, Invitation invitation, String error) {
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.INVITE_ORG)
                .client(portalClient)
                .user(signedIn.user())
                .session(signedIn.session())
                .detail("ceres_action", InvitationAcceptance.ACTION)
                .detail("ceres_centre", invitation.centre())
                .detail("ceres_invitation", invitation.id())
                .error(error);
    }

    private Response render(InvitationPage page, Response.Status status) {
        return session.getProvider(LoginFormsProvider.class)
                .setAttribute(ATTRIBUTE, page)
                .setStatus(status)
                .setResponseHeader(HttpHeaders.CACHE_CONTROL, PortalSignIn.NO_STORE)
                .createForm(TEMPLATE);
    }
}
