package fr.ceres.keycloak.access.invitation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.common.BoundedOption;
import fr.ceres.keycloak.common.PortalUrls;
import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The server-wide options of invitations. The portal serves every invitation page, so they are the portal's
 * options: {@code --spi-realm-restapi-extension--ceres-portal--<option>}, read once at start-up by its factory.
 *
 * @param lifetime how long an invitation and its emailed link stay valid after it is sent (or sent again)
 */
public record InvitationOptions(Duration lifetime) {

    static final String LIFETIME_DAYS = "invitation-lifetime-days";
    static final int DEFAULT_LIFETIME_DAYS = 7;
    /** A year: beyond, a typo rather than a policy; an invitation is a pending right to a centre. */
    static final int MAX_LIFETIME_DAYS = 365;

    public static InvitationOptions read(Config.Scope config) {
        // Links dead on arrival, or never expiring, are refused at start-up.
        int days = BoundedOption.read(config, "--spi-realm-restapi-extension--" + PortalUrls.ID + "--", LIFETIME_DAYS,
                DEFAULT_LIFETIME_DAYS, MAX_LIFETIME_DAYS);
        return new InvitationOptions(Duration.ofDays(days));
    }

    public static InvitationOptions defaults() {
        return new InvitationOptions(Duration.ofDays(DEFAULT_LIFETIME_DAYS));
    }

    /** What the admin console's server info lists for these options. */
    public static List<ProviderConfigProperty> metadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(LIFETIME_DAYS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Days an invitation (and the link its email carries) stays valid after it is sent or sent"
                        + " again (1 to " + MAX_LIFETIME_DAYS + ").")
                .defaultValue(DEFAULT_LIFETIME_DAYS)
                .add()
                .build();
    }

    /** The options as read, for the server info. */
    public Map<String, String> asInfo() {
        return Map.of(LIFETIME_DAYS, Long.toString(lifetime.toDays()));
    }

    /** When an invitation sent or sent again at {@code now} (epoch milliseconds) expires. */
    public long expiryOf(long now) {
        return now + lifetime.toMillis();
    }
}
