package fr.ceres.keycloak.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The email to an active centre's gestionnaires when an agent re-issues its code. */
class CodeReissuedTemplatesTest {

    private static final Map<String, Object> MAIL = Map.of("centre", "ACADEMIE & <CIE>", "siret", "41823967900016",
            "reason", "Lettre perdue <b>par</b> le centre", "when", "01/12/2026 17:05",
            "portal", "https://portail.example/realms/mes-demarches/ceres-portal/");

    private static Map<String, String> email(String language) throws Exception {
        ThemeRenderer.Email email = new ThemeRenderer.Email(language);
        email.data.put("ceresCodeReissued", MAIL);
        Map<String, String> bodies = new HashMap<>(email.render("ceres-code-reissued.ftl"));
        bodies.put("subject", email.text("ceresCodeReissuedSubject"));
        return bodies;
    }

    @Test
    @DisplayName("Given a re-issue, then the French email names the centre, the date and the agent's reason, escaped in HTML, and says what the new code does")
    void french() throws Exception {
        Map<String, String> email = email("fr");
        String text = email.get("text");
        assertTrue(text.contains("Vous êtes gestionnaire du centre ACADEMIE & <CIE> (SIRET 41823967900016) dans le service"
                + " CERES. Le 01/12/2026 17:05, un agent de la DREETS a émis un nouveau code d'activation"), text);
        assertTrue(text.contains("Motif indiqué par l'agent : Lettre perdue <b>par</b> le centre"), text);
        assertTrue(text.contains("deviendra gestionnaire du centre, à côté de vous"), text);
        assertTrue(text.contains("https://portail.example/realms/mes-demarches/ceres-portal/"), text);
        String html = email.get("html");
        assertTrue(html.contains("Lettre perdue &lt;b&gt;par&lt;/b&gt; le centre"), html);
        assertTrue(html.contains("ACADEMIE &amp; &lt;CIE&gt;"), html);
        assertEquals("Un nouveau code d'activation CERES a été émis pour votre centre", email.get("subject"));
    }

    @Test
    @DisplayName("Given an English-speaking gestionnaire, then the email is in English")
    void english() throws Exception {
        String text = email("en").get("text");
        assertTrue(text.contains("an agent of the DREETS issued a new activation code for this centre"), text);
        assertTrue(text.contains("Reason given by the agent: Lettre perdue <b>par</b> le centre"), text);
    }
}
