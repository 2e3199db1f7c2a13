package fr.ceres.keycloak.centre.portal;

import java.time.Duration;

import org.keycloak.Config;

/**
 * The server-wide options of the portal's pages, read once from {@code Config.Scope}
 * ({@code --spi-realm-restapi-extension--ceres-portal--<option>}).
 *
 * @param invitationLifetime how long an invitation and its emailed link stay valid after it is sent (or sent again)
 */
record PortalOptions(Duration invitationLifetime) {

    static final String INVITATION_LIFETIME_DAYS = "invitation-lifetime-days";
    static final int DEFAULT_INVITATION_LIFETIME_DAYS = 7;
    /** A year: beyond, a typo rather than a policy; an invitation is a pending right to a centre. */
    static final int MAX_INVITATION_LIFETIME_DAYS = 365;

    static PortalOptions read(Config.Scope config) {
        int days = config.getInt(INVITATION_LIFETIME_DAYS, DEFAULT_INVITATION_LIFETIME_DAYS);
        if (days < 1 || days > MAX_INVITATION_LIFETIME_DAYS) {
            // Failing the start-up beats sending links that are dead on arrival or never expire.
            throw new IllegalArgumentException("--spi-realm-restapi-extension--" + PortalResourceFactory.PROVIDER_ID
                    + "--" + INVITATION_LIFETIME_DAYS + " must be between 1 and " + MAX_INVITATION_LIFETIME_DAYS
                    + ", got " + days);
        }
        return new PortalOptions(Duration.ofDays(days));
    }

    static PortalOptions defaults() {
        return new PortalOptions(Duration.ofDays(DEFAULT_INVITATION_LIFETIME_DAYS));
    }
}
