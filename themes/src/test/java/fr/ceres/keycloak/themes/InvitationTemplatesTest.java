package fr.ceres.keycloak.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import fr.ceres.keycloak.themes.ThemeRenderer.LoginPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The invitation's email, the invitee's page and the sign-up form fixed to the invited address. */
class InvitationTemplatesTest {

    private static final String LINK = "https://portail.example/realms/mes-demarches/ceres-portal/invitation?key=a.b-c_d";

    private static Map<String, String> email(String language, String role) throws Exception {
        ThemeRenderer.Email email = new ThemeRenderer.Email(language);
        email.data.put("ceresInvitation", Map.of("inviter", "Guy Dupont & <fils>", "role", role,
                "company", "CFI ATLANTIQUE", "link", LINK, "expiryDate", "05/12/2026", "expiryTime", "14:30"));
        Map<String, String> bodies = new HashMap<>(email.render("ceres-invitation.ftl"));
        bodies.put("subject", email.text("ceresInvitationSubject"));
        return bodies;
    }

    @Test
    @DisplayName("Given an invitation as Centre agréé, then the French email is the text of the ministry's procedure, the link and its expiry")
    void frenchEmail() throws Exception {
        Map<String, String> email = email("fr", "centre-agree");
        assertEquals("Invitation à rejoindre la démarche CERES", email.get("subject"));
        String text = email.get("text");
        assertTrue(text.startsWith("Bonjour,\n\nGuy Dupont & <fils> vous invite à accéder au service CERES avec le rôle"
                + " Centre agréé pour l'entreprise CFI ATLANTIQUE.\n\nPour valider cette invitation, veuillez vous connecter"
                + " sur le portail Mes Démarches Emploi et Formation Professionnelle en suivant le lien ci-dessous.\n\n"
                + LINK + "\n"), text);
        assertTrue(text.contains("jusqu'au 05/12/2026 à 14:30 (heure de Paris)"), text);
        assertTrue(text.contains("Ce message est envoyé par un automate, merci de ne pas y répondre"), text);
        String html = email.get("html");
        assertTrue(html.contains("Guy Dupont &amp; &lt;fils&gt; vous invite"), "escaped inviter");
        assertTrue(html.contains("<a href=\"" + LINK + "\" style="), "the button's link");
        assertTrue(html.contains(">Accepter l&#39;invitation</a>"), "the button");
        assertTrue(html.contains("\">" + LINK + "</a>"), "link visible as text");
    }

    @Test
    @DisplayName("Given an invitation as Gestionnaire CENTRES in English, then the role and the texts follow")
    void englishEmail() throws Exception {
        Map<String, String> email = email("en", "gestionnaire");
        assertEquals("Invitation to join the CERES service", email.get("subject"));
        assertTrue(email.get("text").contains("with the role Gestionnaire CENTRES for the company CFI ATLANTIQUE."));
        assertTrue(email.get("text").contains("until 05/12/2026 at 14:30 (Paris time)"));
    }

    private static String invitationPage(String language, Map<String, Object> bean) throws Exception {
        LoginPage page = new LoginPage(language);
        page.data.put("ceresInvitation", bean);
        return page.render("ceres-invitation.ftl");
    }

    private static Map<String, Object> bean(String state) {
        Map<String, Object> bean = new HashMap<>(Map.of("state", state, "inviter", "Guy Dupont", "role", "gestionnaire",
                "company", "CFI ATLANTIQUE", "siret", "73282932000074", "centre", "73282932000074",
                "email", "marie@example.fr", "nextUrl", "/next"));
        bean.put("csrfField", "csrf");
        return bean;
    }

    @Test
    @DisplayName("Given a live link for the signed-in invitee, then the page names what is accepted and posts key and CSRF token")
    void confirmPage() throws Exception {
        Map<String, Object> bean = bean("confirm");
        bean.put("key", "k.e.y");
        bean.put("csrf", "t0ken");
        bean.put("actionUrl", "/auth/realms/ceres/ceres-portal/invitation");
        String html = invitationPage("fr", bean);
        assertTrue(html.contains("Invitation à rejoindre la démarche CERES"));
        assertTrue(html.contains("<dd id=\"ceres-invitation-role\">Gestionnaire CENTRES</dd>"));
        assertTrue(html.contains("<dd id=\"ceres-invitation-siret\">73282932000074</dd>"));
        assertTrue(html.contains("<dd id=\"ceres-invitation-company\">CFI ATLANTIQUE</dd>"));
        assertTrue(html.contains("method=\"post\" action=\"/auth/realms/ceres/ceres-portal/invitation\""));
        assertTrue(html.contains("<input type=\"hidden\" name=\"key\" value=\"k.e.y\"/>"));
        assertTrue(html.contains("<input type=\"hidden\" name=\"csrf\" value=\"t0ken\"/>"));
        assertTrue(html.contains(">Accepter l&#39;invitation</button>"));
    }

    @Test
    @DisplayName("Given another account signed in, then the page names the invited address and offers to switch")
    void otherAccountPage() throws Exception {
        Map<String, Object> bean = bean("other-account");
        bean.put("accountEmail", "paul@example.fr");
        String html = invitationPage("fr", bean);
        assertTrue(html.contains("Cette invitation est adressée à marie@example.fr, mais vous êtes connecté avec le compte paul@example.fr."));
        assertTrue(html.contains("<a id=\"ceres-invitation-switch\" href=\"/next\""));
        assertTrue(html.contains(">Changer de compte</a>"));
        assertFalse(html.contains("ceres-invitation-accept"));
    }

    @Test
    @DisplayName("Given each unusable link, then its own French explanation and a way back to the portal")
    void closedPages() throws Exception {
        Map<String, String> expected = Map.of(
                "invalid", "Ce lien d&#39;invitation n&#39;est pas valide.",
                "expired", "Ce lien d&#39;invitation a expiré.",
                "cancelled", "Cette invitation a été annulée par le gestionnaire du centre.",
                "used", "Cette invitation a déjà été acceptée : le lien ne peut servir qu&#39;une fois.",
                "superseded", "Un lien plus récent vous a été envoyé pour cette invitation");
        for (Map.Entry<String, String> state : expected.entrySet()) {
            Map<String, Object> bean = new HashMap<>(Map.of("state", state.getKey(), "nextUrl", "/portal"));
            String html = invitationPage("fr", bean);
            assertTrue(html.contains(state.getValue()), state.getKey());
            assertTrue(html.contains("Lien d&#39;invitation inutilisable"), state.getKey());
            assertTrue(html.contains("<a id=\"ceres-invitation-portal\" href=\"/portal\""), state.getKey());
        }
    }

    @Test
    @DisplayName("Given the accepted page in English, then it says so and leads to the portal")
    void acceptedPageInEnglish() throws Exception {
        String html = invitationPage("en", bean("accepted"));
        assertTrue(html.contains("You now hold this habilitation for the company CFI ATLANTIQUE."));
        assertTrue(Pattern.compile("Invitation accepted\\s*</h1>").matcher(html).find());
    }

    @Test
    @DisplayName("Given a sign-up from an invitation, then the email field holds the invited address, read-only, and the other fields are Keycloak's")
    void registerPageWithFixedEmail() throws Exception {
        LoginPage page = new LoginPage("fr");
        page.data.put("passwordRequired", true);
        page.data.put("profile", ThemeRenderer.ceresProfile(Map.of("email", "someone-else@example.fr", "siret", "73282932000074")));
        page.data.put("ceresInvitationEmail", "marie@example.fr");
        String html = page.render("register.ftl");
        assertTrue(Pattern.compile("<input type=\"email\" id=\"email\" name=\"email\" value=\"marie@example.fr\"[^>]*readonly")
                .matcher(html).find(), "fixed email");
        assertFalse(html.contains("someone-else@example.fr"), "the typed address is not shown");
        assertTrue(html.contains("Adresse de l&#39;invitation : elle ne peut pas être modifiée."));
        assertTrue(html.contains("id=\"siret\" name=\"siret\" value=\"73282932000074\""), "other fields unchanged");
        assertTrue(html.contains("id=\"password\""), "password still right after the email");
    }

    @Test
    @DisplayName("Given a sign-up without invitation, then the email field is Keycloak's, editable")
    void registerPageWithoutInvitation() throws Exception {
        LoginPage page = new LoginPage("fr");
        page.data.put("passwordRequired", true);
        page.data.put("profile", ThemeRenderer.ceresProfile(Map.of("email", "anne@example.fr")));
        String html = page.render("register.ftl");
        assertTrue(html.contains("value=\"anne@example.fr\""));
        assertFalse(html.contains("readonly"));
        assertFalse(html.contains("ceres-invitation-email-help"));
    }

    @Test
    @DisplayName("Given the Java code's message keys, then both languages define them")
    void javaMessages() throws Exception {
        for (String language : new String[] {"fr", "en"}) {
            assertTrue(ThemeRenderer.messages(ThemeRenderer.LOGIN, language).containsKey("ceresInvitationEmailFixed"), language);
        }
    }
}
