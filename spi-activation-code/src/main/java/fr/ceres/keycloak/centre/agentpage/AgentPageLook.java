package fr.ceres.keycloak.centre.agentpage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.Urls;
import org.keycloak.theme.Theme;

/**
 * What the agent page takes from the realm's login theme, so that it looks like the sign-in page the agent just
 * left: whether the theme has the State design system's files (the DSFR, theme {@code ceres-dsfr} and its
 * children), the address Keycloak serves them at, and the header's and footer's options of the theme.
 *
 * @param state  true when the page shows the State's identity and the DSFR; false for a neutral theme
 * @param values the {@code {{…}}} values of index.html, unescaped
 */
record AgentPageLook(boolean state, Map<String, String> values) {

    /** A file every DSFR theme has: its presence tells a DSFR theme from a neutral one. */
    static final String DSFR_CORE = "dsfr/core/core.min.css";
    /** The statement the bundle serves, from the page's address {@code /realms/{realm}/ceres-agent/}. */
    static final String DEFAULT_ACCESSIBILITY = "../ceres-portal/accessibilite";

    static AgentPageLook of(KeycloakSession session) {
        Theme theme = theme(session);
        Properties properties = read(theme::getProperties);
        Properties messages = read(() -> theme.getMessages(Locale.FRENCH));
        String compliance = properties.getProperty("ceresAccessibilityCompliance", "partial");
        String accessibility = properties.getProperty("ceresAccessibilityUrl", "");
        return new AgentPageLook(hasDsfr(theme), Map.of(
                "dsfr", resources(session, theme) + "/dsfr",
                "ministere", properties.getProperty("ceresMinistryLine", ""),
                "accessibilite", accessibility.isEmpty() ? DEFAULT_ACCESSIBILITY : accessibility,
                "conformite", messages.getProperty("ceresCompliance." + compliance, compliance),
                "mentions-legales", properties.getProperty("ceresLegalNoticeUrl", ""),
                "donnees-personnelles", properties.getProperty("ceresPersonalDataUrl", "")));
    }

    /**
     * Where Keycloak serves the theme's files, as its login pages write it ({@code url.resourcesPath}): the path
     * {@code /resources/{resources version}/login/{theme}}, under the server's relative path. Keycloak finds each
     * file in the theme or its parents.
     */
    static String resources(KeycloakSession session, Theme theme) {
        return Urls.themeRoot(session.getContext().getUri().getBaseUri()).getPath() + "/"
                + theme.getType().toString().toLowerCase(Locale.ROOT) + "/" + theme.getName();
    }

    private static Theme theme(KeycloakSession session) {
        try {
            return session.theme().getTheme(Theme.Type.LOGIN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasDsfr(Theme theme) {
        try (InputStream core = theme.getResourceAsStream(DSFR_CORE)) {
            return core != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface ThemeRead {
        Properties get() throws IOException;
    }

    private static Properties read(ThemeRead read) {
        try {
            return read.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
