package fr.ceres.keycloak.siret.register.recherche;

import java.util.Map;

import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.LookupResult;
import fr.ceres.keycloak.siret.register.remote.RegisterClient;
import fr.ceres.keycloak.siret.register.remote.UpstreamHttp;

/** {@code GET {base-url}/search?q=<siret>}: a full-text search that also matches SIRETs. */
final class RechercheEntreprisesClient implements RegisterClient {

    private final UpstreamHttp upstream;
    private final String searchUrl;

    RechercheEntreprisesClient(UpstreamHttp upstream, String baseUrl) {
        this.upstream = upstream;
        this.searchUrl = baseUrl + "/search?q=";
    }

    @Override
    public LookupResult fetch(Siret siret) {
        // A SIRET is 14 digits: nothing to encode in the query.
        return upstream.get(searchUrl + siret.value(), Map.of(), siret, answer -> SearchAnswer.read(answer, siret));
    }
}
