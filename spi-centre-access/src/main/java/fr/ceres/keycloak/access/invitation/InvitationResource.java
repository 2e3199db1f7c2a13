package fr.ceres.keycloak.access.invitation;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import fr.ceres.keycloak.access.store.AccessMetrics;
import fr.ceres.keycloak.access.store.Invitation;
import fr.ceres.keycloak.access.web.CompanyName;
import fr.ceres.keycloak.access.web.CsrfToken;
import fr.ceres.keycloak.access.web.PortalSignIn;
import fr.ceres.keycloak.common.PortalUrls;
import fr.ceres.keycloak.signup.UnclaimedSignup;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
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
 *   when an account has that address, else to sign up from the invitation, so that the sign-up form
 *   fixes the address ({@link InvitationRegistration}); either way the browser comes back to the page.</li>
 *   <li>Signed in as the invited address (exact equality in the form Keycloak stores addresses,
 *   nothing looser): what is accepted and « Accepter l'invitation », a form with the session's
 *   anti-forgery token.</li>
 *   <li>Signed in as someone else: said so, with « Changer de compte »; never granted.</li>
 * </ul>
 * The key is only ever in the email's link: opening it moves the key into {@link InvitationKeyCookie} (set
 * only for a key that verifies) and the browser to the page without it; every later address (the page,
 * sign-in, sign-up, the way back, after accepting) carries no key. A key that is not one gets the French
 * « lien non valide » page at once, and no cookie.
 */
public final class InvitationResource {

    private static final Logger LOG = Logger.getLogger(InvitationResource.class);

    static final String TEMPLATE = "ceres-invitation.ftl";
    static final String ATTRIBUTE = "ceresInvitation";
    /**
     * The authorization request parameter naming, to the sign-up form, the invitation it comes from (its id,
     * never the link's key). Keycloak keeps unknown parameters of an authorization request as client notes
     * of the authentication session ({@code client_request_param_<name>}).
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
        if (keyInLink == null) {
            return open(InvitationKeyCookie.read(session).orElse(null));
        }
        // Opened from the email: the key moves into the cookie and out of the address bar at once (nor is it
        // then in the page's own links, e.g. the language switch). A key that is not one: the invalid page.
        return cookieFor(keyInLink).map(this::toPage).orElseGet(() -> open(keyInLink));
    }

    /** The page of the link whose key this is, for whoever is (or is not) signed in here. */
    private Response open(String key) {
        portalClient(); // a realm without the portal's client has no invitation page either
        Optional<AuthResult> signedIn = signIn.signedIn();
        if (signedIn.isPresent() && signIn.isReturnFromSignIn()) {
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
            URI signInUrl = signInOrSignUp(link, returnUrl());
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
        Optional<AuthResult> signedIn = signIn.signedIn();
        if (signedIn.isEmpty()) {
            // Signed out meanwhile: the link's page sends the person to sign in and back.
            return backToPage(key);
        }
        if (!CsrfToken.matches(signedIn.get().session(), csrf)) {
            return render(InvitationPage.forbidden(returnUrl().toString()), Response.Status.FORBIDDEN);
        }
        long now = Time.currentTimeMillis();
        OpenedLink link = OpenedLink.open(session, realm, key, now);
        if (!link.isLive()) {
            // Accepted by this very person a moment ago (a double click) included: the link's page says so.
            return backToPage(key);
        }
        if (!isInvited(signedIn.get().user(), link.invitation())) {
            refused(portalClient, signedIn.get(), link.invitation(), Errors.DIFFERENT_USER_AUTHENTICATED);
            return render(InvitationPage.otherAccount(link.invitation(), signedIn.get().user().getEmail(),
                    switchAccountUrl().toString()), Response.Status.FORBIDDEN);
        }
        InvitationAcceptance.Outcome outcome = new InvitationAcceptance(session)
                .accept(link, signedIn.get(), portalClient, now);
        if (outcome == InvitationAcceptance.Outcome.CENTRE_GONE) {
            refused(portalClient, signedIn.get(), link.invitation(), Errors.INVALID_REQUEST);
            return render(InvitationPage.closed(OpenedLink.Status.INVALID, portalUrl()), Response.Status.BAD_REQUEST);
        }
        // Post-redirect-get: the link's page now shows the accepted invitation, or why not, or (the database too
        // busy) the invitation still to accept.
        return backToPage(key);
    }

    /**
     * The invitation page, without key in its address: the key posted goes along in the cookie when it is
     * one, so that the page shows that link (or, for anything else, says it is not valid).
     */
    private Response backToPage(String key) {
        return cookieFor(key).map(this::toPage).orElseGet(() -> PortalSignIn.redirect(returnUrl()));
    }

    /** The cookie keeping {@code key} in this browser, if it verifies, and only then. */
    private Optional<NewCookie> cookieFor(String key) {
        return new InvitationLinks(session, realm).verify(key).map(token -> InvitationKeyCookie.keep(session, realm, key));
    }

    /** To the invitation page without key, setting the cookie that holds it. */
    private Response toPage(NewCookie keptKey) {
        return Response.fromResponse(PortalSignIn.redirect(returnUrl())).cookie(keptKey).build();
    }

    /** The account's address is exactly the invited one ({@link Invitation#isAddressedTo}). */
    private static boolean isInvited(UserModel user, Invitation invitation) {
        return invitation.isAddressedTo(user.getEmail());
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
     * To sign in when an account has the invited address, else to sign up from the invitation, so that
     * the form fixes the address; {@code login_hint} fills it in either way. The sign-up request names
     * the invitation, not its key: the form reads the key from {@link InvitationKeyCookie}.
     *
     * <p>Reaching this page with a live link proves its holder owns the invited address. A sign-up on that
     * address that was never activated and holds nothing ({@link UnclaimedSignup}) was maybe made by someone
     * else to squat it: it is removed, and the invitee signs up. An account that is anything more stays,
     * and its owner signs in: nothing they hold is lost.
     */
    private URI signInOrSignUp(OpenedLink link, URI returnUrl) {
        Invitation invitation = link.invitation();
        UserModel account = session.users().getUserByEmail(realm, invitation.email());
        if (account != null && !removedForInvitee(account, invitation)) {
            return signIn.signInUrl(returnUrl, invitation.email());
        }
        return signIn.signUpUrl(returnUrl,
                Map.of(OIDCLoginProtocol.LOGIN_HINT_PARAM, invitation.email(), SIGNUP_PARAMETER, invitation.id()));
    }

    /** Removes the account on the invited address if it is an unclaimed sign-up; says whether it did. */
    private boolean removedForInvitee(UserModel account, Invitation invitation) {
        if (!UnclaimedSignup.removeIfUnclaimed(session, realm, account)) {
            return false;
        }
        LOG.infof("Removed never-activated account %s on the address of invitation %s, whose link was opened",
                account.getId(), invitation.id());
        return true;
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
        AccessMetrics.invitationRefused();
    }

    private Response render(InvitationPage page, Response.Status status) {
        return session.getProvider(LoginFormsProvider.class)
                .setAttribute(ATTRIBUTE, page)
                .setStatus(status)
                .setResponseHeader(HttpHeaders.CACHE_CONTROL, PortalSignIn.NO_STORE)
                .createForm(TEMPLATE);
    }
}
