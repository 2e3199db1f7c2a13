package fr.ceres.keycloak.access.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import fr.ceres.keycloak.centre.attach.AttachCeresActionFactory;
import fr.ceres.keycloak.common.PortalUrls;
import fr.ceres.keycloak.common.RequestedUrl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;
import org.keycloak.protocol.oidc.utils.PkceUtils;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Who is signed in on the portal's pages, and how the others are sent to sign in: shared by every page
 * under {@code /realms/{realm}/ceres-portal/}.
 *
 * <p>Who is signed in comes from Keycloak's own browser session (the identity cookie), exactly as the
 * login pages know it: the pages hold no token and no session of their own. Nobody signed in: the
 * browser is sent to the realm's authorization endpoint for the public client {@code ceres-portal},
 * which comes back to the page once the person has signed in (the client's redirect URIs cover every
 * address under the portal).
 */
public final class PortalSignIn {

    /**
     * The parameters Keycloak adds when it sends the browser back from the authorization endpoint (after an
     * application-initiated action, it names the action too).
     */
    private static final Set<String> RETURN_PARAMETERS = Set.of(OAuth2Constants.CODE, OAuth2Constants.STATE,
            OAuth2Constants.SESSION_STATE, OAuth2Constants.ISSUER, OAuth2Constants.ERROR,
            OAuth2Constants.ERROR_DESCRIPTION, Constants.KC_ACTION_STATUS, Constants.KC_ACTION);
    /** The {@code Cache-Control} of every page and answer of the portal: they are someone's, and never kept. */
    public static final String NO_STORE = "no-store";

    private final KeycloakSession session;
    private final RealmModel realm;

    public PortalSignIn(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    /** The person signed in in this browser, if any. */
    public Optional<AuthResult> signedIn() {
        return Optional.ofNullable(AuthenticationManager.authenticateIdentityCookie(session, realm, true));
    }

    /** The portal's canonical address: {@code /realms/{realm}/ceres-portal/}, as registered on the client. */
    public URI portalUrl() {
        return PortalUrls.portal(session.getContext().getUri().getBaseUri(), realm.getName());
    }

    /** A centre's access page. */
    public URI accessPage(String centre) {
        return PortalUrls.accessPage(session.getContext().getUri().getBaseUri(), realm.getName(), centre);
    }

    /** An address under the portal, e.g. {@code under(PortalUrls.REQUEST)}; each segment is encoded. */
    public URI under(String... segments) {
        return PortalUrls.under(session.getContext().getUri().getBaseUri(), realm.getName(), segments);
    }

    /** Sends the browser to sign in, back to the address it asked for. */
    public Response toSignIn() {
        return redirect(authorizationUrl(requestedUrl(), false));
    }

    /**
     * Whether the browser is back from the authorization endpoint: the code in the address is never
     * redeemed (see {@link #authorizationUrl}); {@link #dropReturnParameters()} sends the browser to
     * the same page without it, so it is neither bookmarked nor shared.
     */
    public boolean isReturnFromSignIn() {
        MultivaluedMap<String, String> query = session.getContext().getUri().getQueryParameters();
        return query.keySet().stream().anyMatch(RETURN_PARAMETERS::contains);
    }

    public Response dropReturnParameters() {
        return redirect(requestedUrl());
    }

    /**
     * The authorization request of the public client {@code ceres-portal}, back to {@code returnTo}; with
     * {@code attach}, it also asks for the application-initiated action « Rattacher le service Ceres ».
     *
     * <p>The client requires PKCE (S256), so the request carries a challenge; its verifier is thrown
     * away because the code Keycloak sends back is never redeemed: the pages need no token, only the
     * browser session the sign-in leaves behind (read through the identity cookie). Nor is there a
     * {@code state} to check, for the same reason: nothing is done with the answer.
     */
    public URI authorizationUrl(URI returnTo, boolean attach) {
        return request(OIDCLoginProtocolService.authUrl(baseUri()), returnTo,
                attach ? Map.of(Constants.KC_ACTION, AttachCeresActionFactory.PROVIDER_ID) : Map.of());
    }

    /** The same request with the address filled in on the sign-in page ({@code login_hint}). */
    public URI signInUrl(URI returnTo, String loginHint) {
        return request(OIDCLoginProtocolService.authUrl(baseUri()), returnTo,
                Map.of(OIDCLoginProtocol.LOGIN_HINT_PARAM, loginHint));
    }

    /**
     * The same request to the registration endpoint: the person signs up, then comes back to
     * {@code returnTo} as after a sign-in; {@code parameters} go along (e.g. {@code login_hint}).
     */
    public URI signUpUrl(URI returnTo, Map<String, String> parameters) {
        return request(OIDCLoginProtocolService.registrationsUrl(baseUri()), returnTo, parameters);
    }

    /** RP-initiated logout, back to the portal (which then asks to sign in again). */
    public URI logoutUrl() {
        return logoutUrl(portalUrl());
    }

    /** RP-initiated logout, back to {@code returnTo}. */
    public URI logoutUrl(URI returnTo) {
        return OIDCLoginProtocolService.logoutUrl(baseUri())
                .queryParam(OAuth2Constants.CLIENT_ID, PortalUrls.ID)
                .queryParam(OIDCLoginProtocol.POST_LOGOUT_REDIRECT_URI_PARAM, returnTo.toString())
                .build(realm.getName());
    }

    /**
     * The request of the portal's client to {@code endpoint}; {@code more} is appended encoded by hand:
     * a {@code UriBuilder} would read braces in a value as a template and let a {@code +} through.
     */
    private URI request(UriBuilder endpoint, URI returnTo, Map<String, String> more) {
        String unusedVerifier = PkceUtils.generateCodeVerifier();
        URI url = endpoint
                .queryParam(OAuth2Constants.CLIENT_ID, PortalUrls.ID)
                .queryParam(OAuth2Constants.RESPONSE_TYPE, OAuth2Constants.CODE)
                .queryParam(OAuth2Constants.SCOPE, OAuth2Constants.SCOPE_OPENID)
                .queryParam(OAuth2Constants.REDIRECT_URI, returnTo.toString())
                .queryParam(OAuth2Constants.CODE_CHALLENGE_METHOD, OAuth2Constants.PKCE_METHOD_S256)
                .queryParam(OAuth2Constants.CODE_CHALLENGE, PkceUtils.generateS256CodeChallenge(unusedVerifier))
                .build(realm.getName());
        String appended = more.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return appended.isEmpty() ? url : URI.create(url + "&" + appended);
    }

    private UriBuilder baseUri() {
        return session.getContext().getUri().getBaseUriBuilder();
    }

    /** A 303 that no cache keeps. */
    public static Response redirect(URI to) {
        return Response.seeOther(to).header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    /**
     * The address asked for, on the frontend URL (the client's redirect URIs are there), without the parameters
     * of a return from sign-in. The other parameters are kept as they came, still encoded: a {@code UriBuilder}
     * would read braces in them as templates.
     */
    private URI requestedUrl() {
        URI requested = RequestedUrl.of(session.getContext().getUri());
        String kept = requested.getRawQuery() == null ? "" : Arrays.stream(requested.getRawQuery().split("&"))
                .filter(pair -> !pair.isEmpty())
                .filter(pair -> !RETURN_PARAMETERS.contains(pair.split("=", 2)[0]))
                .collect(Collectors.joining("&"));
        URI path = UriBuilder.fromUri(requested).replaceQuery(null).build();
        return kept.isEmpty() ? path : URI.create(path + "?" + kept);
    }
}
