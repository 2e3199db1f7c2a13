package fr.ceres.keycloak.centre.agentpage;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import fr.ceres.keycloak.common.RequestedUrl;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.KeycloakSession;

/**
 * {@code /realms/{realm}/ceres-agent/}: the DREETS agents' page (flow F5). A page in the look of the realm's
 * login theme ({@link AgentPageLook}: the State design system's files of the theme, or a plain look) and one ES
 * module; the script signs the agent in with the public client {@value #CLIENT_ID} (authorization code + PKCE) and
 * calls the agents' API {@code /admin/realms/{realm}/ceres} with the token, which decides who may do what. Nothing
 * here reads or grants anything: the page is the same for everyone.
 *
 * <p>Public class with public methods: RESTEasy Reactive calls them from generated code.
 */
public final class AgentPageResource {

    static final String CLIENT_ID = "ceres-agent-console";

    /**
     * Scripts and styles from the page's own origin only (its files and the login theme's), no inline script, style
     * or handler; images of the origin and the small icons the DSFR's stylesheets carry inline (data:); API calls to
     * the same origin; no framing; forms nowhere.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self'; script-src 'self';"
            + " style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";

    private final KeycloakSession session;
    private final AgentPageAssets assets;

    AgentPageResource(KeycloakSession session, AgentPageAssets assets) {
        this.session = session;
        this.assets = assets;
    }

    /** The page; its address ends with a slash so that its files and the sign-in's return resolve below it. */
    @GET
    public Response page() {
        URI requested = RequestedUrl.of(session.getContext().getUri());
        if (!requested.getRawPath().endsWith("/")) {
            URI withSlash = UriBuilder.fromUri(requested).replacePath(requested.getRawPath() + "/").build();
            return Response.status(Response.Status.MOVED_PERMANENTLY).location(withSlash).build();
        }
        String page = assets.page().render(AgentPageLook.of(session));
        return serve(new AgentPageAssets.Asset(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String file) {
        Optional<AgentPageAssets.Asset> asset = assets.find(file);
        if (asset.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return serve(asset.get());
    }

    private Response serve(AgentPageAssets.Asset asset) {
        // Keycloak would replace the policy with the realm's (made for its own pages): this page sets its headers.
        session.getProvider(SecurityHeadersProvider.class).options().skipHeaders();
        return Response.ok(asset.content(), MediaType.valueOf(asset.contentType()))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("X-Robots-Tag", "none")
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                // The page holds no secret, but a fresh copy after each deployment beats a stale script.
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }
}
