package fr.ceres.keycloak.centre.deployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import fr.ceres.keycloak.common.BundleFactory;
import org.keycloak.Config;
import org.keycloak.common.util.Environment;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Refuses, outside development mode ({@code kc.sh start}, {@code kc.sh import}), to create a realm whose clients
 * still hold the shipped {@link DevDefaults}: the creation is undone, so {@code kc.sh start --import-realm} stops
 * with the findings and what to set, and the admin API answers 400 with them. Development mode
 * ({@code kc.sh start-dev}: the run command, the end-to-end tests) keeps the defaults. A test server started in
 * production mode on purpose sets {@value #ALLOW_DEV_DEFAULTS}{@code =true}.
 *
 * <p>Checked when a realm is created, after everything it was imported with (the event comes last), not on later
 * changes in the admin console: a realm is only imported with its defaults by mistake.
 */
public final class DevDefaultsGuardFactory extends BundleFactory implements RealmGuardFactory {

    public static final String PROVIDER_ID = "default";
    static final String ALLOW_DEV_DEFAULTS = "allow-dev-defaults";

    private boolean allowed;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
        allowed = Environment.isDevMode() || config.getBoolean(ALLOW_DEV_DEFAULTS, false);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                create(created.getKeycloakSession()).checkCreated(created.getCreatedRealm());
            }
        });
    }

    @Override
    public RealmGuard create(KeycloakSession session) {
        return realm -> {
            if (allowed) {
                return;
            }
            List<String> found = realm.getClientsStream().flatMap(DevDefaultsGuardFactory::findings).toList();
            if (!found.isEmpty()) {
                throw new ModelException("Realm " + realm.getName() + " refused outside development mode: "
                        + String.join("; ", found) + ". (A test server may start with --spi-" + RealmGuardSpi.NAME
                        + "--" + PROVIDER_ID + "--" + ALLOW_DEV_DEFAULTS + "=true.)");
            }
        };
    }

    private static Stream<String> findings(ClientModel client) {
        Collection<String> addresses = new ArrayList<>(client.getRedirectUris());
        addresses.add(client.getRootUrl());
        addresses.add(client.getBaseUrl());
        String postLogout = client.getAttribute(OIDCConfigAttributes.POST_LOGOUT_REDIRECT_URIS);
        if (postLogout != null) {
            addresses.addAll(List.of(postLogout.split("##")));
        }
        return DevDefaults.of(client.getClientId(), client.getSecret(), addresses).stream();
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(ALLOW_DEV_DEFAULTS)
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .helpText("Outside development mode, let a realm be created whose clients keep the development"
                        + " secret or send people to localhost. For a test server only.")
                .defaultValue(false)
                .add()
                .build();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of(ALLOW_DEV_DEFAULTS, Environment.isDevMode() ? "true (development mode)" : Boolean.toString(allowed));
    }
}
