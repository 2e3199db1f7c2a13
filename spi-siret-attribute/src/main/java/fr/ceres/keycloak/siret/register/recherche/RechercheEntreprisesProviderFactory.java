package fr.ceres.keycloak.siret.register.recherche;

import fr.ceres.keycloak.siret.register.remote.CallRate;
import fr.ceres.keycloak.siret.register.remote.RegisterClient;
import fr.ceres.keycloak.siret.register.remote.RemoteRegisterProviderFactory;
import fr.ceres.keycloak.siret.register.remote.UpstreamHttp;

/**
 * API Recherche d'entreprises (recherche-entreprises.api.gouv.fr): public, no key, 7 requests per
 * second per IP. The default company register: the one with the highest order.
 *
 * <p>Failure policy: register unavailable ⇒ the lookup answers Unavailable; the sign-up accepts
 * the SIRET on its checksum alone and flags it unverified.
 */
public final class RechercheEntreprisesProviderFactory extends RemoteRegisterProviderFactory {

    public static final String PROVIDER_ID = "recherche-entreprises";

    private static final String DEFAULT_BASE_URL = "https://recherche-entreprises.api.gouv.fr";
    /** Above the other registers' 0: Keycloak picks the highest order when no provider is configured. */
    private static final int DEFAULT_PROVIDER_ORDER = 100;
    /** The API's published limit, per calling address: the whole cluster calls from one, or a few. */
    private static final CallRate DEFAULT_RATE = new CallRate(7, 1);

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public int order() {
        return DEFAULT_PROVIDER_ORDER;
    }

    @Override
    protected String defaultBaseUrl() {
        return DEFAULT_BASE_URL;
    }

    @Override
    protected CallRate defaultRate() {
        return DEFAULT_RATE;
    }

    @Override
    protected RegisterClient createClient(UpstreamHttp upstream, String baseUrl) {
        return new RechercheEntreprisesClient(upstream, baseUrl);
    }
}
