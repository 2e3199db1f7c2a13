package fr.ceres.keycloak.siret.register.sirene;

import java.util.Map;

import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.LookupResult;
import fr.ceres.keycloak.siret.register.remote.RegisterClient;
import fr.ceres.keycloak.siret.register.remote.UpstreamHttp;
import org.jboss.logging.Logger;

/** {@code GET {base-url}/siret/{siret}} with the integration key header. */
final class InseeSireneClient implements RegisterClient {

    static final String API_KEY_HEADER = "X-INSEE-Api-Key-Integration";

    private static final Logger LOG = Logger.getLogger(InseeSireneClient.class);

    private final UpstreamHttp upstream;
    private final String siretUrl;
    private final String apiKey;

    InseeSireneClient(UpstreamHttp upstream, String baseUrl, String apiKey) {
        this.upstream = upstream;
        this.siretUrl = baseUrl + "/siret/";
        this.apiKey = apiKey;
    }

    @Override
    public LookupResult fetch(Siret siret) {
        if (apiKey == null) {
            // INSEE refuses every call without a key: do not spend a request to learn it.
            LOG.warnf("%s: lookup of SIRET %s unavailable: option %s is not set",
                    InseeSireneProviderFactory.PROVIDER_ID, siret, InseeSireneProviderFactory.API_KEY);
            return new LookupResult.Unavailable(InseeSireneProviderFactory.API_KEY + " is not set");
        }
        return upstream.get(siretUrl + siret.value(), Map.of(API_KEY_HEADER, apiKey), siret,
                answer -> EtablissementAnswer.read(answer, siret));
    }
}
