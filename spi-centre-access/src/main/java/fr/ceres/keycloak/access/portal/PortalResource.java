package fr.ceres.keycloak.access.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.ceres.keycloak.access.invitation.InvitationOptions;
import fr.ceres.keycloak.access.invitation.InvitationResource;
import fr.ceres.keycloak.access.manage.AccessResource;
import fr.ceres.keycloak.access.request.AccessRequestResource;
import fr.ceres.keycloak.access.request.AccessRequests;
import fr.ceres.keycloak.access.web.CsrfToken;
import fr.ceres.keycloak.access.web.PortalSignIn;
import fr.ceres.keycloak.centre.habilitation.Habilitation;
import fr.ceres.keycloak.centre.habilitation.Habilitations;
import fr.ceres.keycloak.common.PortalUrls;
import fr.ceres.keycloak.siret.Siret;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.util.ResolveRelative;

/**
 * « Mes démarches »: the portal page of the signed-in person, rendered with the login
 * theme ({@code ceres-portal.ftl}). It lists the démarches attached to the account (today Ceres, with
 * its habilitations), offers to attach Ceres when none is, and gives each gestionnaire the gear
 * « Gérer les accès » of every centre they manage, and lists the centres of their company
 * they may ask to join ({@link AccessRequestResource}). How people are known and signed in:
 * {@link PortalSignIn}.
 */
public final class PortalResource {

    static final String TEMPLATE = "ceres-portal.ftl";
    static final String ACCESSIBILITY_TEMPLATE = "ceres-accessibility.ftl";

    private final KeycloakSession session;
    private final InvitationOptions invitations;

    PortalResource(KeycloakSession session, InvitationOptions invitations) {
        this.session = session;
        this.invitations = invitations;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam(AccessRequestResource.NOTICE) String notice) {
        RealmModel realm = requirePortal();
        PortalSignIn signIn = new PortalSignIn(session);
        Optional<AuthResult> signedIn = signIn.signedIn();
        if (signedIn.isEmpty()) {
            return signIn.toSignIn();
        }
        if (signIn.isReturnFromSignIn()) {
            return signIn.dropReturnParameters();
        }
        UserModel user = signedIn.get().user();
        List<Habilitation> held = new Habilitations(session).of(user);
        List<PortalHabilitation> habilitations = habilitations(held);
        List<AccessRequests.RequestableCentre> requestable = new AccessRequests(session).of(user, held);
        return session.getProvider(LoginFormsProvider.class)
                .setUser(user)
                .setAttribute("ceresPortal", new PortalPage(
                        user.getFirstName(),
                        user.getLastName(),
                        habilitations,
                        managedCentres(signIn, habilitations),
                        ceresUrl(realm),
                        signIn.authorizationUrl(signIn.portalUrl(), true).toString(),
                        signIn.logoutUrl().toString(),
                        new PortalPage.Requests(requestable, signIn.under(PortalUrls.REQUEST).toString(),
                                // Only made when a form needs it: most people have no centre to ask.
                                requestable.isEmpty() ? null : CsrfToken.of(signedIn.get().session())),
                        AccessRequestResource.knownNotice(notice)))
                .setResponseHeader(HttpHeaders.CACHE_CONTROL, PortalSignIn.NO_STORE)
                .createForm(TEMPLATE);
    }

    /**
     * The accessibility statement ({@code ceres-accessibility.ftl}): public, as the law asks of it; the footer of
     * every page links to it.
     */
    @GET
    @Path(PortalUrls.ACCESSIBILITY)
    @Produces(MediaType.TEXT_HTML)
    public Response accessibility() {
        requirePortal();
        return session.getProvider(LoginFormsProvider.class).createForm(ACCESSIBILITY_TEMPLATE);
    }

    /**
     * The access page of a centre and what hangs under it: {@code acces/{centre SIRET}/…}. Anything but a SIRET
     * written as the page writes it is no address of the portal: the pages build their links from it, and braces
     * or percent signs in it would be read as URI templates.
     */
    @Path(PortalUrls.ACCESS + "/{centre}")
    public AccessResource access(@PathParam("centre") String centre) {
        requirePortal();
        if (Siret.parse(centre).filter(siret -> siret.value().equals(centre)).isEmpty()) {
            throw new NotFoundException();
        }
        return new AccessResource(session, centre, invitations);
    }

    /** « Demander l'accès » to a centre of the person's company: {@code POST demande}. */
    @Path(PortalUrls.REQUEST)
    public AccessRequestResource request() {
        requirePortal();
        return new AccessRequestResource(session);
    }

    /** The invitee's page, reached from the invitation email: {@code invitation?key=…}. */
    @Path(PortalUrls.INVITATION)
    public InvitationResource invitation() {
        requirePortal();
        return new InvitationResource(session);
    }

    /** A realm without the portal's client has no portal. */
    private RealmModel requirePortal() {
        RealmModel realm = session.getContext().getRealm();
        ClientModel portalClient = realm.getClientByClientId(PortalUrls.ID);
        if (portalClient == null || !portalClient.isEnabled()) {
            throw new NotFoundException();
        }
        return realm;
    }

    /** Ceres's home page (the client's base URL), or null when the realm declares none. */
    private String ceresUrl(RealmModel realm) {
        ClientModel ceres = realm.getClientByClientId(Habilitations.CERES_CLIENT_ID);
        if (ceres == null || !ceres.isEnabled() || ceres.getBaseUrl() == null || ceres.getBaseUrl().isBlank()) {
            return null;
        }
        return ResolveRelative.resolveRelativeUri(session, ceres.getRootUrl(), ceres.getBaseUrl());
    }

    private List<PortalHabilitation> habilitations(List<Habilitation> held) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        return held.stream()
                .sorted(Habilitation.DISPLAY_ORDER)
                .map(h -> {
                    OrganizationModel centre = organizations.getByAlias(h.centre());
                    return new PortalHabilitation(h, centre == null ? null : centre.getName());
                })
                .toList();
    }

    /** One gear per centre the person is gestionnaire of, in the order of the card. */
    private static List<ManagedCentreLink> managedCentres(PortalSignIn signIn, List<PortalHabilitation> habilitations) {
        Map<String, ManagedCentreLink> links = new LinkedHashMap<>();
        habilitations.stream().filter(PortalHabilitation::isGestionnaire).forEach(h ->
                links.computeIfAbsent(h.getCentre(), centre -> new ManagedCentreLink(centre, h.getCentreName(),
                        signIn.accessPage(centre).toString())));
        return List.copyOf(links.values());
    }
}
