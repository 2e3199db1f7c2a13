package fr.ceres.keycloak.centre.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A refusal of the agents' API: a status, a stable machine code ({@code error}) and a French sentence for the agent
 * ({@code error_description}), plus what it is about when useful (e.g. the linked site at fault).
 */
record ApiError(int status, String error, String description, Map<String, String> about) {

    ApiError(int status, String error, String description) {
        this(status, error, description, Map.of());
    }

    Response toResponse() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        body.putAll(about);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
