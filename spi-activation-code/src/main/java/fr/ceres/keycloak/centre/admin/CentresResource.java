package fr.ceres.keycloak.centre.admin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.ceres.keycloak.centre.Centre;
import fr.ceres.keycloak.centre.Centres;
import fr.ceres.keycloak.centre.ReferenceAgrement;
import fr.ceres.keycloak.centre.TypedCompany;
import fr.ceres.keycloak.centre.bulk.BulkLetterArchive;
import fr.ceres.keycloak.centre.bulk.CentreCsvException;
import fr.ceres.keycloak.centre.bulk.CentreCsvParser;
import fr.ceres.keycloak.centre.bulk.CentreCsvRow;
import fr.ceres.keycloak.centre.code.CentreCodeStatus;
import fr.ceres.keycloak.centre.code.jpa.AttemptStore;
import fr.ceres.keycloak.common.RequestedUrl;
import fr.ceres.keycloak.siret.Siret;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.urls.UrlType;
import org.keycloak.util.JsonSerialization;

/**
 * {@code /admin/realms/{realm}/ceres/centres}: the agents' endpoints (flow F5).
 *
 * <ul>
 *   <li>{@code POST /} — register a centre: {@code {"siret","referenceAgrement","sitesLies":[…]}} → 201 + JSON;
 *       {@code "raisonSociale","adresse","commune"} may be added for what the register does not publish (422
 *       {@code company_fields_missing} names them);</li>
 *   <li>{@code GET /?search=&first=&max=} — centres by SIRET prefix or name, with their state and, when failed codes
 *       on the SIRET were unusually many, {@code alerteTentatives};</li>
 *   <li>{@code GET /{siret}} — one centre;</li>
 *   <li>{@code POST /{siret}/code} — issue (or re-issue) its code → the letter, {@code application/pdf}; 409
 *       {@code concurrent_issue} when another request issued one for the same centre at the same instant; a centre
 *       with gestionnaires needs {@code {"motif": "…"}} (400 {@code reason_required} without, {@code invalid_reason}
 *       when unfit) and its gestionnaires are emailed;</li>
 *   <li>{@code POST /import?reissue=false} — a CSV of centres → a ZIP of letters plus {@code rapport.csv}.</li>
 * </ul>
 * Bad input is a 4xx with {@code {"error","error_description"}} (French), never a 500.
 */
public final class CentresResource {

    static final int DEFAULT_MAX = 20;
    static final int MAX_MAX = 100;
    static final int MAX_LINKED_SITES = 200;
    static final String CSV = "text/csv";
    static final String PDF = "application/pdf";
    static final String ZIP = "application/zip";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Centres centres;
    private final CentreRegistration registration;
    private final CodeIssuer issuer;
    private final CentreEvents events;
    private final CentreImport bulk;
    private final AttemptStore attempts;

    CentresResource(AgentRequest request) {
        this.session = request.session();
        this.realm = request.realm();
        this.centres = new Centres(session, realm);
        this.registration = new CentreRegistration(session, centres);
        this.issuer = new CodeIssuer(request, centres);
        this.events = new CentreEvents(request.adminEvent());
        this.bulk = new CentreImport(centres, registration, issuer, events, request.adminEvent());
        this.attempts = AttemptStore.of(session);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(String body) {
        Optional<ApiError> disabled = requireOrganizations();
        if (disabled.isPresent()) {
            return disabled.get().toResponse();
        }
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : JsonSerialization.mapper.readTree(body);
        } catch (JsonProcessingException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return new ApiError(400, "invalid_request",
                    "Corps attendu : {\"siret\", \"referenceAgrement\", \"sitesLies\": [...]} en JSON.").toResponse();
        }
        Optional<Siret> siret = Siret.parse(text(json.get("siret")));
        if (siret.isEmpty()) {
            return new ApiError(400, "invalid_siret", "SIRET mal formé : 14 chiffres avec une clé de contrôle valide.")
                    .toResponse();
        }
        String reference = ReferenceAgrement.normalize(text(json.get("referenceAgrement")));
        Optional<String> badReference = ReferenceAgrement.problem(reference);
        if (badReference.isPresent()) {
            return new ApiError(400, "invalid_reference", "Référence d'agrément " + badReference.get() + ".").toResponse();
        }
        List<Siret> sites = new ArrayList<>();
        Optional<ApiError> badSite = linkedSites(json.get("sitesLies"), siret.get(), sites);
        if (badSite.isPresent()) {
            return badSite.get().toResponse();
        }
        TypedCompany typed = new TypedCompany(text(json.get("raisonSociale")), text(json.get("adresse")),
                text(json.get("commune")));
        if (!typed.problems().isEmpty()) {
            return new ApiError(400, "invalid_company_field", "Champ saisi refusé : "
                    + String.join(" ; ", typed.problems()) + ".").toResponse();
        }
        if (centres.exists(siret.get())) {
            return new ApiError(409, "centre_exists", "Ce centre est déjà enregistré.",
                    Map.of("siret", siret.get().value())).toResponse();
        }
        CentreRegistration.Result result = registration.register(siret.get(), reference, sites, typed);
        if (result instanceof CentreRegistration.Refused refused) {
            return refused.error().toResponse();
        }
        if (result instanceof CentreRegistration.Conflict conflict) {
            return conflict.error().toResponse();
        }
        Centre centre = ((CentreRegistration.Registered) result).centre();
        CentreCodeStatus status = issuer.status(centre);
        events.registered(centre, status);
        // On the admin API's own host: --hostname-admin when set, else the frontend URL.
        URI location = UriBuilder.fromUri(RequestedUrl.of(session.getContext().getUri(UrlType.ADMIN)))
                .replaceQuery(null).path(centre.siret().value()).build();
        return Response.created(location).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(CentreJson.of(centre, status, 0)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("search") String search, @QueryParam("first") String first,
                         @QueryParam("max") String max) {
        Optional<ApiError> disabled = requireOrganizations();
        if (disabled.isPresent()) {
            return disabled.get().toResponse();
        }
        Optional<Integer> firstResult = number(first, 0);
        Optional<Integer> maxResults = number(max, DEFAULT_MAX);
        if (firstResult.isEmpty() || maxResults.isEmpty() || maxResults.get() < 1) {
            return new ApiError(400, "invalid_paging",
                    "first doit être un entier positif ou nul, max un entier positif.").toResponse();
        }
        String term = search == null ? "" : search.strip();
        if (term.length() > 200) {
            return new ApiError(400, "invalid_search", "Recherche trop longue (200 caractères au plus).").toResponse();
        }
        List<Map<String, Object>> page = centres.search(term, firstResult.get(), Math.min(maxResults.get(), MAX_MAX))
                .stream()
                .map(this::json)
                .toList();
        return Response.ok(page, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("{siret}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("siret") String siretText) {
        return withCentre(siretText, centre -> Response.ok(json(centre), MediaType.APPLICATION_JSON_TYPE).build());
    }

    @POST
    @Path("{siret}/code")
    @Produces({PDF, MediaType.APPLICATION_JSON})
    public Response issueCode(@PathParam("siret") String siretText, String body) {
        return withCentre(siretText, centre -> {
            ReissueReason.Reading reading = ReissueReason.read(body);
            if (reading.error().isPresent()) {
                return reading.error().get().toResponse();
            }
            CodeIssuer.Result result = issuer.issue(centre, reading.reason());
            if (result instanceof CodeIssuer.Conflict conflict) {
                return conflict.error().toResponse();
            }
            if (result instanceof CodeIssuer.Refused refused) {
                return refused.error().toResponse();
            }
            return Response.ok(((CodeIssuer.Issued) result).letter(), PDF)
                    .header("Content-Disposition",
                            "attachment; filename=\"" + BulkLetterArchive.fileName(centre.siret().value()) + "\"")
                    // The letter holds the code: no cache anywhere may keep it.
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        });
    }

    @POST
    @Path("import")
    @Consumes({CSV, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces({ZIP, MediaType.APPLICATION_JSON})
    public Response importCsv(@QueryParam("reissue") String reissueText, InputStream body) {
        Optional<ApiError> disabled = requireOrganizations();
        if (disabled.isPresent()) {
            return disabled.get().toResponse();
        }
        boolean reissue;
        if (reissueText == null || reissueText.isBlank() || reissueText.equalsIgnoreCase("false")) {
            reissue = false;
        } else if (reissueText.equalsIgnoreCase("true")) {
            reissue = true;
        } else {
            return new ApiError(400, "invalid_request", "reissue vaut true ou false.").toResponse();
        }
        List<CentreCsvRow> rows;
        try {
            rows = new CentreCsvParser().parse(body == null ? InputStream.nullInputStream() : body);
        } catch (CentreCsvException e) {
            return new ApiError(400, "invalid_csv", e.getMessage()).toResponse();
        } catch (IOException e) {
            return new ApiError(400, "invalid_csv", "Le fichier n'a pas pu être lu en entier : envoyez-le de nouveau.")
                    .toResponse();
        }
        CentreImport.Result result = bulk.run(rows, reissue);
        if (result instanceof CentreImport.Conflict conflict) {
            return conflict.error().toResponse();
        }
        return Response.ok(((CentreImport.Archive) result).zip(), ZIP)
                .header("Content-Disposition", "attachment; filename=\"lettres-centres.zip\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private Response withCentre(String siretText, Function<Centre, Response> action) {
        Optional<ApiError> disabled = requireOrganizations();
        if (disabled.isPresent()) {
            return disabled.get().toResponse();
        }
        Optional<Siret> siret = Siret.parse(siretText);
        if (siret.isEmpty()) {
            return new ApiError(400, "invalid_siret", "SIRET mal formé : 14 chiffres avec une clé de contrôle valide.")
                    .toResponse();
        }
        Optional<Centre> centre = centres.find(siret.get());
        if (centre.isEmpty()) {
            return new ApiError(404, "unknown_centre", "Aucun centre enregistré sous ce SIRET.",
                    Map.of("siret", siret.get().value())).toResponse();
        }
        return action.apply(centre.get());
    }

    private Map<String, Object> json(Centre centre) {
        return CentreJson.of(centre, issuer.status(centre), centres.gestionnaireCount(centre),
                AttemptAlert.of(attempts, realm.getId(), centre));
    }

    private Optional<ApiError> requireOrganizations() {
        if (!realm.isOrganizationsEnabled() || !centres.enabled()) {
            return Optional.of(new ApiError(409, "organizations_disabled",
                    "Les organisations ne sont pas activées dans ce royaume : les centres en ont besoin."));
        }
        return Optional.empty();
    }

    /** Checks each linked site in turn and stops at the first one at fault, naming it. */
    private static Optional<ApiError> linkedSites(JsonNode node, Siret centre, List<Siret> sites) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray() || node.size() > MAX_LINKED_SITES) {
            return Optional.of(new ApiError(400, "invalid_linked_site",
                    "sitesLies doit être une liste d'au plus " + MAX_LINKED_SITES + " SIRET."));
        }
        Set<Siret> seen = new LinkedHashSet<>();
        for (JsonNode item : node) {
            String raw = text(item);
            Optional<Siret> site = Siret.parse(raw);
            String shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
            if (site.isEmpty()) {
                return Optional.of(new ApiError(400, "invalid_linked_site",
                        "Le site lié « " + shown + " » est mal formé.", Map.of("site", shown)));
            }
            if (site.get().equals(centre)) {
                return Optional.of(new ApiError(400, "linked_site_is_centre",
                        "Le site lié " + site.get() + " est le SIRET du centre lui-même.",
                        Map.of("site", site.get().value())));
            }
            if (!site.get().siren().equals(centre.siren())) {
                return Optional.of(new ApiError(400, "linked_site_other_company",
                        "Le site lié " + site.get() + " n'appartient pas à la même entreprise (SIREN "
                                + centre.siren() + ").", Map.of("site", site.get().value())));
            }
            seen.add(site.get());
        }
        sites.addAll(seen);
        return Optional.empty();
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : "";
    }

    private static Optional<Integer> number(String text, int fallback) {
        if (text == null || text.isBlank()) {
            return Optional.of(fallback);
        }
        try {
            int value = Integer.parseInt(text.strip());
            return value < 0 ? Optional.empty() : Optional.of(value);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
