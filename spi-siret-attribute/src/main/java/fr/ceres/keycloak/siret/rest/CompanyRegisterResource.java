package fr.ceres.keycloak.siret.rest;

import fr.ceres.keycloak.siret.register.CompanyRegisterProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.common.ClientConnection;
import org.keycloak.models.KeycloakSession;

/**
 * {@code GET /realms/{realm}/company-register/{siret}}: the register's public fields of one
 * establishment, for the register page's pre-fill. Public, like the register page itself. A field the
 * register does not publish (masked for a non-diffusible establishment) is left out of the answer and
 * named in its {@code "missing"} list, for the page to ask the person to type it.
 *
 * <p>Public class with a public method: RESTEasy Reactive calls resource methods from generated
 * code outside this package.
 */
public final class CompanyRegisterResource {

    private final KeycloakSession session;
    private final Prefill prefill;

    CompanyRegisterResource(KeycloakSession session, Prefill prefill) {
        this.session = session;
        this.prefill = prefill;
    }

    @GET
    @Path("{siret}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response lookup(@PathParam("siret") String siret) {
        ClientConnection connection = session.getContext().getConnection();
        String remoteAddress = connection == null ? null : connection.getRemoteAddr();
        PrefillAnswer answer = prefill.answer(remoteAddress, siret,
                () -> session.getProvider(CompanyRegisterProvider.class));

        Response.ResponseBuilder response = Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                // Register data changes and 429/503 are momentary: no browser or proxy may keep them.
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(answer.body());
        answer.retryAfterSeconds().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
        return response.build();
    }
}
