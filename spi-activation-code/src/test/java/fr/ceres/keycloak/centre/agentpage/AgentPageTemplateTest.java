package fr.ceres.keycloak.centre.agentpage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The agent page's index.html in the two looks a realm's login theme gives it. */
class AgentPageTemplateTest {

    private static final String DSFR = "/auth/resources/abc12/login/ceres-dsfr/dsfr";

    private static Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        values.put("dsfr", DSFR);
        values.put("ministere", "Ministère du Travail & <des Familles>");
        values.put("accessibilite", AgentPageLook.DEFAULT_ACCESSIBILITY);
        values.put("conformite", "partiellement conforme");
        values.put("mentions-legales", "https://travail-emploi.gouv.fr/mentions-legales?a=1&b=\"2\"");
        values.put("donnees-personnelles", "https://travail-emploi.gouv.fr/donnees-personnelles");
        return values;
    }

    private static String render(boolean state, Map<String, String> values) {
        return AgentPageAssets.load().page().render(new AgentPageLook(state, values));
    }

    @Test
    @DisplayName("Given a DSFR login theme, then the page links the theme's DSFR files, shows the State header and footer with the theme's options escaped, and not the plain look")
    void stateLook() {
        String html = render(true, values());

        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"" + DSFR + "/core/core.min.css\">"), html);
        assertTrue(html.contains("<script type=\"module\" src=\"" + DSFR + "/core/core.module.min.js\">"), html);
        assertTrue(html.contains("<p class=\"fr-logo\">République<br>Française</p>"), "Marianne block");
        assertTrue(html.contains("Ministère du Travail &amp; &lt;des Familles&gt;"), "ministry line, escaped");
        assertTrue(html.contains("href=\"https://travail-emploi.gouv.fr/mentions-legales?a=1&amp;b=&quot;2&quot;\""), "escaped");
        assertTrue(html.contains("href=\"../ceres-portal/accessibilite\">Accessibilité : partiellement conforme</a>"));
        assertFalse(html.contains("agent-neutre.css"), "no plain look");
        assertFalse(html.contains("{{") || html.contains("<!--état") || html.contains("<!--/état"), "all filled, no marks");
        assertTrue(html.contains("<html lang=\"fr\""), "lang");
        assertTrue(html.contains("href=\"#contenu\"") && html.contains("id=\"contenu\""), "skip link to the main region");
    }

    @Test
    @DisplayName("Given a neutral login theme, then the page has the plain look: no State identity, no DSFR file")
    void neutralLook() {
        Map<String, String> values = values();
        values.remove("ministere");
        values.remove("mentions-legales");
        values.remove("donnees-personnelles");
        String html = render(false, values);

        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"agent-neutre.css\">"), html);
        assertFalse(html.contains("République") || html.contains("/dsfr/") || html.contains("Ministère"), html);
        assertTrue(html.contains("Accessibilité : partiellement conforme"), "the statement's link stays");
        assertFalse(html.contains("{{") || html.contains("<!--neutre"), "all filled, no marks");
    }

    @Test
    @DisplayName("Given a value the page needs is missing, then rendering fails instead of showing a placeholder")
    void missingValue() {
        Map<String, String> values = values();
        values.remove("conformite");
        assertThrows(IllegalStateException.class, () -> render(true, values));
    }
}
