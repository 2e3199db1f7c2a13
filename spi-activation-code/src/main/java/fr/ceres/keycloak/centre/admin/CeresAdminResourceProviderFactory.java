package fr.ceres.keycloak.centre.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.centre.letter.ActivationLetter;
import fr.ceres.keycloak.common.BundleFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/**
 * The agents' API (flow F5) under {@code /admin/realms/{realm}/ceres}: centres and their activation
 * codes. See {@link CentresResource} for the endpoints and {@link AgentAccess} for who may call them.
 */
public final class CeresAdminResourceProviderFactory extends BundleFactory implements AdminRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "ceres";

    private CeresAdminOptions options = CeresAdminOptions.defaults();
    /** Immutable and thread-safe; holds the letter font, read once. */
    private ActivationLetter letter;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
        options = CeresAdminOptions.read(config);
        letter = new ActivationLetter();
    }

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new CeresAdminResourceProvider(options, letter);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(CeresAdminOptions.CODE_LIFETIME_DAYS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Days an activation code stays valid after it is issued (1 to 3650).")
                .defaultValue(CeresAdminOptions.DEFAULT_CODE_LIFETIME_DAYS)
                .add()
                .property()
                .name(CeresAdminOptions.PORTAL_URL)
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Portal address printed in the letters. Unset: the realm's portal page"
                        + " (/realms/{realm}/ceres-portal/), as reached by the agent's request.")
                .add()
                .property()
                .name(CeresAdminOptions.HELP_LINE)
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Assistance phone number printed in the letters.")
                .defaultValue(CeresAdminOptions.DEFAULT_HELP_LINE)
                .add()
                .property()
                .name(CeresAdminOptions.LETTER_PLACE)
                .type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Town the letters are written from (\"Paris, le …\").")
                .defaultValue(CeresAdminOptions.DEFAULT_LETTER_PLACE)
                .add()
                .build();
    }

    @Override
    protected Map<String, String> options() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put(CeresAdminOptions.CODE_LIFETIME_DAYS, Integer.toString(options.codeLifetimeDays()));
        info.put(CeresAdminOptions.PORTAL_URL, options.portalUrl().orElse("(the realm's portal page)"));
        info.put(CeresAdminOptions.HELP_LINE, options.helpLine());
        info.put(CeresAdminOptions.LETTER_PLACE, options.letterPlace());
        return info;
    }
}
