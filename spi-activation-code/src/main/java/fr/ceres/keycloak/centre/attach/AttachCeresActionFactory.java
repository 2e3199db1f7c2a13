package fr.ceres.keycloak.centre.attach;

import java.util.Map;

import fr.ceres.keycloak.common.BundleFactory;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * « Rattacher le service Ceres » (flow F2): a required action, also an
 * application-initiated one ({@code kc_action=ceres-attach}), where a signed-in person types the
 * SIRET and activation code of their centre's letter and becomes its gestionnaire.
 *
 * <p>Server options ({@code --spi-required-action--ceres-attach--<name>}):
 * {@code max-failures-per-user} (5), {@code user-window-minutes} (15), {@code siret-alert-failures}
 * (10), {@code siret-window-minutes} (60), {@code client-id} (ceres), {@code time-zone} (Europe/Paris).
 * They are not declared in {@link #getConfigMetadata()}: for a required action that list is the
 * per-realm configuration the admin console edits (kept as Keycloak's max-auth-age), not server
 * options. They show in the server info instead.
 */
public final class AttachCeresActionFactory extends BundleFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "ceres-attach";

    private AttachOptions options;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "Rattacher le service Ceres";
    }

    @Override
    public void init(Config.Scope config) {
        options = AttachOptions.from(config);
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new AttachCeresAction(session, options);
    }

    @Override
    protected Map<String, String> options() {
        return options.asInfo();
    }
}
