package fr.ceres.keycloak.it.support;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The server every end-to-end test runs against: the bundle's four jars, the offline company
 * register, metrics on the management port, and a purge that runs every few seconds so tests can
 * watch it work. One config for all classes, so the server starts once per run.
 */
public final class CeresServerConfig implements KeycloakServerConfig {

    public static final String GROUP_ID = "fr.ceres.keycloak";

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return config
                .dependency(GROUP_ID, "spi-siret-attribute")
                .dependency(GROUP_ID, "spi-activation-code")
                .dependency(GROUP_ID, "spi-centre-access")
                .dependency(GROUP_ID, "themes")
                .option("spi-company-register--provider", "static-file")
                // Lets the endpoint tests act as several client IPs; browsers send no such header.
                .option("proxy-headers", "xforwarded")
                // The bundle's counters on http://localhost:9000/metrics (MetricsIT).
                .option("metrics-enabled", "true")
                .spiOption("action-token-handler", "verify-email", "purge-interval-seconds", "3");
    }
}
