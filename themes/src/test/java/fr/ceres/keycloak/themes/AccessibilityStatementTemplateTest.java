package fr.ceres.keycloak.themes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;

import fr.ceres.keycloak.themes.ThemeRenderer.LoginPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The accessibility statement (ceres-accessibility.ftl), in the RGAA model. */
class AccessibilityStatementTemplateTest {

    private static final String TEMPLATE = "ceres-accessibility.ftl";

    @Test
    @DisplayName("Given the shipped settings, then the statement says partially compliant with RGAA 4.1, what the automated checks cover, the audit date, technologies, environment, contact and remedies")
    void frenchStatement() throws Exception {
        String html = new LoginPage("fr").render(TEMPLATE);

        assertTrue(html.contains("Déclaration d&#39;accessibilité"), "heading");
        assertTrue(html.contains("est partiellement conforme avec le référentiel général d&#39;amélioration de "
                + "l&#39;accessibilité (RGAA), version 4.1. Les raisons en sont données ci-dessous."), html);
        assertTrue(html.contains("règles des WCAG 2.0 et 2.1 de niveaux A et AA"), "what axe covers");
        assertTrue(html.contains("largeur de téléphone (375 pixels)") && html.contains("états d&#39;erreur"), "widths, states");
        assertTrue(html.contains("Cette déclaration a été établie le 2 décembre 2026."), "audit date");
        for (String technology : new String[] {"HTML5", "CSS", "JavaScript", "WAI-ARIA"}) {
            assertTrue(html.contains("<li>" + technology + "</li>"), technology);
        }
        assertTrue(html.contains("Chromium sous Debian"), "environment");
        assertTrue(html.contains("<h2>Retour d&#39;information et contact</h2>"), "contact");
        assertTrue(html.contains("id=\"ceres-accessibility-contact\">Adressez-vous à la DREETS"), "no contact set: the DREETS");
        assertTrue(html.contains("<h2>Voies de recours</h2>"), "remedies");
        assertTrue(html.contains("href=\"https://formulaire.defenseurdesdroits.fr/\""), "the Défenseur des droits");
        assertTrue(html.contains("Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07"), "by post");
    }

    @Test
    @DisplayName("Given a deployer's settings, then the statement shows their compliance, audit date and contact link; in English too")
    void deployerSettings() throws Exception {
        LoginPage page = new LoginPage("en");
        Properties properties = (Properties) page.data.get("properties");
        properties.setProperty("ceresAccessibilityCompliance", "total");
        properties.setProperty("ceresAccessibilityAuditDate", "2027-03-15");
        properties.setProperty("ceresAccessibilityContactUrl", "mailto:accessibilite@example.gouv.fr");
        String html = page.render(TEMPLATE);

        assertTrue(html.contains("Accessibility statement"), "heading");
        assertTrue(html.contains("is fully compliant with the French accessibility framework RGAA"), html);
        assertFalse(html.contains("The reasons are given below."), "nothing to explain when fully compliant");
        assertTrue(html.contains("This statement was prepared on March 15, 2027."), "audit date");
        assertTrue(html.contains("<a id=\"ceres-accessibility-contact\" href=\"mailto:accessibilite@example.gouv.fr\">"
                + "Report an accessibility problem</a>"), "contact link");
    }

    @Test
    @DisplayName("Given an audit date that is not a yyyy-MM-dd date, then the statement shows it as the deployer wrote it")
    void auditDateAsWritten() throws Exception {
        LoginPage page = new LoginPage("fr");
        ((Properties) page.data.get("properties")).setProperty("ceresAccessibilityAuditDate", "mars 2027");
        String html = page.render(TEMPLATE);

        assertTrue(html.contains("Cette déclaration a été établie le mars 2027."), html);
    }
}
