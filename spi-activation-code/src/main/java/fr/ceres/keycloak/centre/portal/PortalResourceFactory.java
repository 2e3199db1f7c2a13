package fr.ceres.keycloak.centre.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.common.ProviderVersion;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Serves the portal's pages under {@code /realms/{realm}/ceres-portal/}: « Mes démarches » (see
 * {@link PortalResource}) and, under it, the centres' access pages and the invitations (issue 4).
 * Option: {@value PortalOptions#INVITATION_LIFETIME_DAYS}.
 */
public final class PortalResourceFactory implements RealmResourceProviderFactory, ServerInfoAwareProviderFactory {

    /** Also the id of the public client the page signs people in with. */
    public static final String PROVIDER_ID = "ceres-portal";

    private PortalOptions options = PortalOptions.defaults();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new PortalResourceProvider(session, options);
    }

    @Override
    public void init(Config.Scope config) {
        options = PortalOptions.read(config);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(PortalOptions.INVITATION_LIFETIME_DAYS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Days an invitation (and the link its email carries) stays valid after it is sent or sent"
                        + " again (1 to " + PortalOptions.MAX_INVITATION_LIFETIME_DAYS + ").")
                .defaultValue(PortalOptions.DEFAULT_INVITATION_LIFETIME_DAYS)
                .add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("version", ProviderVersion.of(getClass()));
        info.put(PortalOptions.INVITATION_LIFETIME_DAYS, Long.toString(options.invitationLifetime().toDays()));
        return info;
    }
}
