package fr.ceres.keycloak.bench;

import fr.ceres.keycloak.it.support.CeresServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The benchmark's server: the bundle's three jars, like {@link CeresServerConfig}, but with the
 * real HTTP register ({@code recherche-entreprises}) pointed at {@link StubRegister}. A config of
 * its own, so no end-to-end test ever shares (or inherits the cache of) this server.
 */
public final class BenchServerConfig implements KeycloakServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return config
                .dependency(CeresServerConfig.GROUP_ID, "spi-siret-attribute")
                .dependency(CeresServerConfig.GROUP_ID, "spi-activation-code")
                .dependency(CeresServerConfig.GROUP_ID, "spi-centre-access")
                .dependency(CeresServerConfig.GROUP_ID, "themes")
                .option("spi-company-register--provider", "recherche-entreprises")
                // Server options are fixed when the server starts, hence a fixed port for the stub.
                .spiOption("company-register", "recherche-entreprises", "base-url", StubRegister.BASE_URL)
                // Every benchmark request comes from one address: the per-IP limit (30/min by
                // default) must not turn lookups into 429s. The limiter itself still runs.
                .spiOption("realm-restapi-extension", "company-register", "requests-per-minute", "1000000");
    }
}
