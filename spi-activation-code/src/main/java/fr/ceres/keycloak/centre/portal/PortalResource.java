package fr.ceres.keycloak.centre.portal;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import fr.ceres.keycloak.centre.attach.AttachCeresActionFactory;
import fr.ceres.keycloak.centre.habilitation.Habilitation;
import fr.ceres.keycloak.centre.habilitation.Habilitations;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.OAuth2Constants;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;
import org.keycloak.protocol.oidc.utils.PkceUtils;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.util.ResolveRelative;

/**
 * « Mes démarches » (issue 3 §4): the portal page of the signed-in person, rendered with the login
 * theme ({@code ceres-portal.ftl}). It lists the démarches attached to the account (today Ceres, with
 * its habilitations) and offers to attach Ceres when none is.
 *
 * <p>Who is signed in comes from Keycloak's own browser session (the identity cookie), exactly as the
 * login pages know it: the page holds no token and no session of its own. Nobody signed in: the
 * browser is sent to the realm's authorization endpoint for the public client {@code ceres-portal},
 * which comes back here once the person has signed in.
 */
public final class PortalResource {

    static final String CLIENT_ID = PortalResourceFactory.PROVIDER_ID;
    static final String TEMPLATE = "ceres-portal.ftl";
    /** The parameters Keycloak adds when it sends the browser back from the authorization endpoint. */
    private static final Set<String> RETURN_PARAMETERS = Set.of(OAuth2Constants.CODE, OAuth2Constants.STATE,
            OAuth2Constants.SESSION_STATE, OAuth2Constants.ISSUER, OAuth2Constants.ERROR,
            OAuth2Constants.ERROR_DESCRIPTION, Constants.KC_ACTION_STATUS);
    private static final String NO_STORE = "no-store";

    private final KeycloakSession session;

    PortalResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        RealmModel realm = session.getContext().getRealm();
        ClientModel portalClient = realm.getClientByClientId(CLIENT_ID);
        if (portalClient == null || !portalClient.isEnabled()) {
            // A realm without the portal's client has no portal.
            throw new NotFoundException();
        }
        URI portal = portalUrl(realm);
        AuthResult signedIn = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        if (signedIn == null) {
            return redirect(authorizationUrl(realm, portal, false));
        }
        if (isReturnFromSignIn()) {
            // Back from the authorization endpoint: the code in the address is never redeemed (see
            // authorizationUrl). One redirect drops it, so it is neither bookmarked nor shared.
            return redirect(portal);
        }
        UserModel user = signedIn.user();
        List<PortalHabilitation> habilitations = habilitations(user);
        return session.getProvider(LoginFormsProvider.class)
                .setUser(user)
                .setAttribute("ceresPortal", new PortalPage(
                        user.getFirstName(),
                        user.getLastName(),
                        habilitations,
                        habilitations.stream().anyMatch(PortalHabilitation::isGestionnaire),
                        ceresUrl(realm),
                        authorizationUrl(realm, portal, true).toString(),
                        logoutUrl(realm, portal).toString()))
                .setResponseHeader("Cache-Control", NO_STORE)
                .createForm(TEMPLATE);
    }

    /** The portal's canonical address: {@code /realms/{realm}/ceres-portal/}, as registered on the client. */
    private URI portalUrl(RealmModel realm) {
        return session.getContext().getUri().getBaseUriBuilder()
                .path("realms").path(realm.getName()).path(CLIENT_ID).path("/")
                .build();
    }

    /**
     * The authorization request of the public client {@code ceres-portal}, back to the portal; with
     * {@code attach}, it also asks for the application-initiated action « Rattacher le service Ceres ».
     *
     * <p>The client requires PKCE (S256), so the request carries a challenge; its verifier is thrown
     * away because the code Keycloak sends back is never redeemed: the page needs no token, only the
     * browser session the sign-in leaves behind (read through the identity cookie). Nor is there a
     * {@code state} to check, for the same reason: nothing is done with the answer.
     */
    private URI authorizationUrl(RealmModel realm, URI portal, boolean attach) {
        String unusedVerifier = PkceUtils.generateCodeVerifier();
        UriBuilder url = OIDCLoginProtocolService.authUrl(session.getContext().getUri().getBaseUriBuilder())
                .queryParam(OAuth2Constants.CLIENT_ID, CLIENT_ID)
                .queryParam(OAuth2Constants.RESPONSE_TYPE, OAuth2Constants.CODE)
                .queryParam(OAuth2Constants.SCOPE, OAuth2Constants.SCOPE_OPENID)
                .queryParam(OAuth2Constants.REDIRECT_URI, portal.toString())
                .queryParam(OAuth2Constants.CODE_CHALLENGE_METHOD, OAuth2Constants.PKCE_METHOD_S256)
                .queryParam(OAuth2Constants.CODE_CHALLENGE, PkceUtils.generateS256CodeChallenge(unusedVerifier));
        if (attach) {
            url.queryParam(Constants.KC_ACTION, AttachCeresActionFactory.PROVIDER_ID);
        }
        return url.build(realm.getName());
    }

    /** RP-initiated logout, back to the portal (which then asks to sign in again). */
    private URI logoutUrl(RealmModel realm, URI portal) {
        return OIDCLoginProtocolService.logoutUrl(session.getContext().getUri().getBaseUriBuilder())
                .queryParam(OAuth2Constants.CLIENT_ID, CLIENT_ID)
                .queryParam(OIDCLoginProtocol.POST_LOGOUT_REDIRECT_URI_PARAM, portal.toString())
                .build(realm.getName());
    }

    /** Ceres's home page (the client's base URL), or null when the realm declares none. */
    private String ceresUrl(RealmModel realm) {
        ClientModel ceres = realm.getClientByClientId(Habilitations.CERES_CLIENT_ID);
        if (ceres == null || !ceres.isEnabled() || ceres.getBaseUrl() == null || ceres.getBaseUrl().isBlank()) {
            return null;
        }
        return ResolveRelative.resolveRelativeUri(session, ceres.getRootUrl(), ceres.getBaseUrl());
    }

    private List<PortalHabilitation> habilitations(UserModel user) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        return new Habilitations(session).of(user).stream()
                .sorted(Comparator.comparing(Habilitation::centre).thenComparing(Habilitation::siret)
                        .thenComparing(Habilitation::role))
                .map(h -> {
                    OrganizationModel centre = organizations.getByAlias(h.centre());
                    return new PortalHabilitation(h, centre == null ? null : centre.getName());
                })
                .toList();
    }

    private boolean isReturnFromSignIn() {
        MultivaluedMap<String, String> query = session.getContext().getUri().getQueryParameters();
        return query.keySet().stream().anyMatch(RETURN_PARAMETERS::contains);
    }

    private static Response redirect(URI to) {
        return Response.seeOther(to).header("Cache-Control", NO_STORE).build();
    }
}
