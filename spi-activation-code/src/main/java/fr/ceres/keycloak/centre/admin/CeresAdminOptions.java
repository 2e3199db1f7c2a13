package fr.ceres.keycloak.centre.admin;

import java.util.Optional;

import fr.ceres.keycloak.common.BoundedOption;
import org.keycloak.Config;

/**
 * The server-wide options of the agents' API, read once from {@code Config.Scope}
 * ({@code --spi-admin-realm-restapi-extension--ceres--<option>}).
 *
 * @param codeLifetimeDays how long an issued activation code stays valid
 * @param portalUrl        the portal address printed in letters; empty: the realm's portal page ({@code /realms/{realm}/ceres-portal/})
 * @param helpLine         the assistance phone number printed in letters
 * @param letterPlace      the town letters are written from
 */
record CeresAdminOptions(int codeLifetimeDays, Optional<String> portalUrl, String helpLine, String letterPlace) {

    static final String CODE_LIFETIME_DAYS = "code-lifetime-days";
    static final String PORTAL_URL = "portal-url";
    static final String HELP_LINE = "help-line";
    static final String LETTER_PLACE = "letter-place";

    static final int DEFAULT_CODE_LIFETIME_DAYS = 365;
    /** The assistance number printed in the ministry's procedure letter. */
    static final String DEFAULT_HELP_LINE = "01 46 29 25 54";
    static final String DEFAULT_LETTER_PLACE = "Paris";
    /** Ten years: beyond, a typo rather than a policy. */
    static final int MAX_CODE_LIFETIME_DAYS = 3650;

    static CeresAdminOptions read(Config.Scope config) {
        // Codes dead on arrival, or never expiring, are refused at start-up.
        int lifetime = BoundedOption.read(config, option(""), CODE_LIFETIME_DAYS, DEFAULT_CODE_LIFETIME_DAYS,
                MAX_CODE_LIFETIME_DAYS);
        String portal = text(config.get(PORTAL_URL));
        if (!portal.isEmpty() && !portal.startsWith("https://") && !portal.startsWith("http://")) {
            throw new IllegalArgumentException(option(PORTAL_URL) + " must be an http(s) URL, got " + portal);
        }
        String helpLine = text(config.get(HELP_LINE, DEFAULT_HELP_LINE));
        String place = text(config.get(LETTER_PLACE, DEFAULT_LETTER_PLACE));
        return new CeresAdminOptions(lifetime, portal.isEmpty() ? Optional.empty() : Optional.of(portal),
                helpLine.isEmpty() ? DEFAULT_HELP_LINE : helpLine, place.isEmpty() ? DEFAULT_LETTER_PLACE : place);
    }

    static CeresAdminOptions defaults() {
        return new CeresAdminOptions(DEFAULT_CODE_LIFETIME_DAYS, Optional.empty(), DEFAULT_HELP_LINE,
                DEFAULT_LETTER_PLACE);
    }

    private static String option(String name) {
        return "--spi-admin-realm-restapi-extension--" + CeresAdminResourceProviderFactory.PROVIDER_ID + "--" + name;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
