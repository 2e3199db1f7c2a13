package fr.ceres.keycloak.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.themes.ThemeRenderer.LoginPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Access requests: the portal page's card, the access page's decision forms, the two emails. */
class AccessRequestTemplatesTest {

    private static final String CENTRE = "41823967900016";
    private static final String SITE = "41823967900024";
    private static final String PORTAL = "https://portail.example/realms/mes-demarches/ceres-portal/";

    private static Map<String, Object> portal(List<Map<String, Object>> centres, String notice) {
        Map<String, Object> portal = new HashMap<>();
        portal.put("firstName", "Chloé");
        portal.put("lastName", "Roux");
        portal.put("habilitations", List.of());
        portal.put("gestionnaire", false);
        portal.put("managedCentres", List.of());
        portal.put("attachUrl", PORTAL + "attach");
        portal.put("logoutUrl", PORTAL + "logout");
        Map<String, Object> requests = new HashMap<>();
        requests.put("centres", centres);
        requests.put("url", PORTAL + "demande");
        if (!centres.isEmpty()) {
            requests.put("csrf", "tok\"en");
        }
        portal.put("requests", requests);
        if (notice != null) {
            portal.put("notice", notice);
        }
        return portal;
    }

    @Test
    @DisplayName("Given centres of the person's company, then each has « Demander l'accès » posting its SIRET and the token, or says the request is pending")
    void portalCard() throws Exception {
        LoginPage page = new LoginPage("fr");
        page.data.put("ceresPortal", portal(List.of(
                Map.of("siret", CENTRE, "name", "ACADEMIE & <CIE>", "pending", false),
                Map.of("siret", SITE, "name", "ACADEMIE GRENOBLE", "pending", true)), "demande-envoyee"));
        String html = page.render("ceres-portal.ftl");

        assertTrue(html.contains("Demander l&#39;accès à un centre de votre entreprise"), html);
        assertTrue(html.contains("ACADEMIE &amp; &lt;CIE&gt; (SIRET " + CENTRE + ")"), "escaped name");
        assertTrue(html.contains("<form method=\"post\" action=\"" + PORTAL + "demande\">"));
        assertTrue(html.contains("name=\"csrf\" value=\"tok&quot;en\""), "the token, escaped");
        assertTrue(html.contains("<input type=\"hidden\" name=\"centre\" value=\"" + CENTRE + "\"/>"));
        assertTrue(html.contains("id=\"ceres-portal-request-ask-" + CENTRE + "\""));
        assertFalse(html.contains("id=\"ceres-portal-request-ask-" + SITE + "\""), "pending: no button");
        assertTrue(html.contains("id=\"ceres-portal-request-pending-" + SITE + "\" class=\"ceres-tag\">Demande envoyée, en attente</span>"));
        assertEquals(1, html.split("<form ", -1).length - 1);
        assertTrue(html.contains("role=\"status\"") && html.contains("Demande d&#39;accès envoyée"), "notice");
    }

    @Test
    @DisplayName("Given no centre to ask, then no card; an error notice is an alert; an unknown notice says nothing")
    void portalWithoutCentres() throws Exception {
        LoginPage none = new LoginPage("fr");
        none.data.put("ceresPortal", portal(List.of(), "demande-impossible"));
        String html = none.render("ceres-portal.ftl");
        assertFalse(html.contains("ceres-portal-requests"));
        assertTrue(html.contains("role=\"alert\"") && html.contains("Vous ne pouvez pas demander l&#39;accès à ce centre"));

        LoginPage unknown = new LoginPage("en");
        unknown.data.put("ceresPortal", portal(List.of(), "<script>"));
        assertFalse(unknown.render("ceres-portal.ftl").contains("ceres-portal-notice"));
    }

    @Test
    @DisplayName("Given the DSFR theme, then the portal's démarches are DSFR cards, the request buttons DSFR buttons, the notice a DSFR alert")
    void portalInDsfr() throws Exception {
        LoginPage page = new LoginPage("fr", ThemeRenderer.CERES_DSFR);
        page.data.put("ceresPortal", portal(List.of(
                Map.of("siret", CENTRE, "name", "ACADEMIE", "pending", false),
                Map.of("siret", SITE, "name", "ACADEMIE GRENOBLE", "pending", true)), "demande-envoyee"));
        String html = page.render("ceres-portal.ftl");

        assertTrue(html.contains("<section class=\"fr-card\" id=\"ceres-portal-empty\" aria-labelledby=\"ceres-portal-empty-title\">"));
        assertTrue(html.contains("<h3 class=\"fr-card__title\" id=\"ceres-portal-empty-title\">Ajoutez votre première démarche</h3>"));
        assertTrue(html.contains("<section class=\"fr-card\" id=\"ceres-portal-requests\""));
        assertTrue(html.contains("id=\"ceres-portal-request-ask-" + CENTRE + "\" class=\"fr-btn fr-btn--secondary\""));
        assertTrue(html.contains("id=\"ceres-portal-request-pending-" + SITE + "\" class=\"fr-tag\""));
        assertTrue(html.contains("<div class=\"fr-card__footer\">"), "« Rattacher le service Ceres » in the card's footer");
        assertTrue(html.contains("class=\"fr-alert fr-alert--success fr-alert--sm fr-mb-3w\" role=\"status\""));
        assertFalse(html.contains("<style"));
    }

    /** The access page's bean with one pending request, as AccessPage exposes it. */
    private static Map<String, Object> accessPage(String notice) {
        Map<String, Object> page = new HashMap<>();
        page.put("centre", CENTRE);
        page.put("centreName", "ACADEMIE");
        page.put("sirets", List.of(CENTRE, SITE));
        page.put("people", List.of());
        page.put("invitations", List.of());
        page.put("requests", List.of(Map.ofEntries(Map.entry("id", "r1"), Map.entry("name", "Chloé <i>Roux</i>"),
                Map.entry("email", "chloe@academie.fr"), Map.entry("accountSiret", SITE),
                Map.entry("declared", Map.of("siret", SITE, "siretVerified", false, "emailDomain", "academie.fr", "personalEmail", false)),
                Map.entry("created", "14/01/2026 14:45"), Map.entry("createdIso", "2026-01-14T14:45:00+01:00"),
                Map.entry("acceptUrl", "/acces/" + CENTRE + "/demandes/r1/accepter"),
                Map.entry("refuseUrl", "/acces/" + CENTRE + "/demandes/r1/refuser"))));
        page.put("csrf", "t");
        page.put("reasonMaxLength", 500);
        page.put("roles", ThemeRenderer.ROLES);
        if (notice != null) {
            page.put("notice", notice);
        }
        page.put("urls", Map.of("portal", "/portail/", "invite", "/inviter", "change", "/modifier", "revoke", "/retirer"));
        return page;
    }

    @Test
    @DisplayName("Given a pending request, then the person, « Accepter » with role and SIRET (the account's preselected) and « Refuser » with a bounded reason")
    void accessPageRequest() throws Exception {
        LoginPage page = new LoginPage("fr");
        page.data.put("ceresAccess", accessPage("demande-acceptee"));
        String html = page.render("ceres-access.ftl");

        assertTrue(html.contains("<tr id=\"ceres-access-request-r1\" data-email=\"chloe@academie.fr\">"));
        assertTrue(html.contains("Chloé &lt;i&gt;Roux&lt;/i&gt;"), "escaped name");
        assertFalse(html.contains("<i>Roux</i>"));
        assertTrue(html.contains("<td>" + SITE + "<br><small id=\"ceres-access-declared-status-r1\" class=\"ceres-access-declared\">SIRET non vérifié</small></td>"),
                "the account's SIRET, declared, and whether the register checked it");
        assertTrue(html.contains(">email @academie.fr</small>"), "the email's domain");
        assertTrue(html.contains("<form method=\"post\" action=\"/acces/" + CENTRE + "/demandes/r1/accepter\">"));
        assertTrue(html.contains("<form method=\"post\" action=\"/acces/" + CENTRE + "/demandes/r1/refuser\">"));
        assertTrue(html.contains("<label class=\"pf-v5-c-form__label\" for=\"ceres-access-accept-role-r1\">Rôle</label>"));
        assertTrue(html.contains("<option value=\"centre-agree\" selected>Centre agréé</option>"));
        assertTrue(html.contains("<option value=\"gestionnaire\">Gestionnaire CENTRES</option>"));
        assertTrue(html.contains("<label class=\"pf-v5-c-form__label\" for=\"ceres-access-accept-siret-r1\">SIRET de l&#39;habilitation</label>"));
        assertTrue(html.contains("<option value=\"" + SITE + "\" selected>" + SITE + "</option>"), "the account's SIRET first choice");
        assertTrue(html.contains("<option value=\"" + CENTRE + "\">" + CENTRE + "</option>"));
        assertTrue(html.contains("<label class=\"pf-v5-c-form__label\" for=\"ceres-access-reason-r1\">Motif (facultatif)</label>"));
        assertTrue(html.contains("name=\"motif\" rows=\"3\" maxlength=\"500\""));
        assertTrue(html.contains("500 caractères au plus"));
        int forms = html.split("<form ", -1).length - 1;
        int tokens = html.split("name=\"csrf\" value=\"t\"", -1).length - 1;
        assertTrue(forms == 2 && tokens == 2, forms + " forms, " + tokens + " tokens");
        assertTrue(html.contains("role=\"status\"") && html.contains("Demande acceptée"), "notice");
    }

    @Test
    @DisplayName("Given a request decided elsewhere, a reason too long or with hidden characters, or the portal's form forged, then French alerts")
    void accessPageProblems() throws Exception {
        LoginPage gone = new LoginPage("fr");
        gone.data.put("ceresAccess", accessPage("demande-introuvable"));
        String goneHtml = gone.render("ceres-access.ftl");
        assertTrue(goneHtml.contains("role=\"alert\"") && goneHtml.contains("Cette demande n&#39;est plus en attente"));

        LoginPage tooLong = new LoginPage("fr");
        tooLong.data.put("ceresAccess", accessPage("motif-trop-long"));
        assertTrue(tooLong.render("ceres-access.ftl").contains("Le motif ne doit pas dépasser 500 caractères"));

        LoginPage hidden = new LoginPage("fr");
        hidden.data.put("ceresAccess", accessPage("motif-invalide"));
        String hiddenHtml = hidden.render("ceres-access.ftl");
        assertTrue(hiddenHtml.contains("role=\"alert\"") && hiddenHtml.contains("Le motif contient des caractères invisibles"),
                hiddenHtml);

        LoginPage forged = new LoginPage("fr");
        forged.data.put("ceresAccessRefused", "request-csrf");
        forged.data.put("ceresPortalUrl", "/portail/");
        String forgedHtml = forged.render("ceres-access.ftl");
        assertTrue(forgedHtml.contains("aucune demande n&#39;a été envoyée"), forgedHtml);
        assertTrue(forgedHtml.contains("id=\"ceres-access-back\" class=\"\" href=\"/portail/\">"));
    }

    private static Map<String, String> email(String language, String template, String attribute, Map<String, Object> mail)
            throws Exception {
        ThemeRenderer.Email email = new ThemeRenderer.Email(language);
        email.data.put(attribute, mail);
        return email.render(template);
    }

    @Test
    @DisplayName("Given a request, then the gestionnaires' email names the person, their address, the company, the account's SIRET and the access page")
    void requestEmail() throws Exception {
        Map<String, String> email = email("fr", "ceres-access-request.ftl", "ceresAccessRequest", Map.of(
                "requester", "Chloé Roux", "requesterEmail", "chloe@gmail.com", "requesterSiret", SITE,
                "declared", Map.of("siret", SITE, "siretVerified", true, "emailDomain", "gmail.com", "personalEmail", true),
                "company", "ACADEMIE & CIE", "link", PORTAL + "acces/" + CENTRE));
        assertTrue(email.get("text").contains("Le SIRET " + SITE + " est déclaré par la personne (vérifié auprès du"
                + " répertoire des entreprises à l'inscription) ; son adresse email est une adresse email personnelle"
                + " (gmail.com), qui ne dit rien de son entreprise."), email.get("text"));
        assertTrue(email.get("text").contains("Chloé Roux (chloe@gmail.com) demande à accéder au service CERES pour"
                + " l'entreprise ACADEMIE & CIE (SIRET de son compte : " + SITE + ")."), email.get("text"));
        assertTrue(email.get("text").contains(PORTAL + "acces/" + CENTRE), email.get("text"));
        assertTrue(email.get("html").contains("ACADEMIE &amp; CIE"), "escaped");
    }

    @Test
    @DisplayName("Given a decision, then the person's email says the role and SIRET given, or the refusal and its reason, escaped in HTML")
    void decisionEmails() throws Exception {
        Map<String, Object> accepted = Map.of("accepted", true, "decider", "Alice Martin", "company", "ACADEMIE",
                "role", "gestionnaire", "siret", SITE, "reason", "", "link", PORTAL);
        String acceptedText = email("fr", "ceres-access-decision.ftl", "ceresAccessDecision", accepted).get("text");
        assertTrue(acceptedText.contains("Alice Martin a accepté votre demande d'accès au service CERES pour l'entreprise"
                + " ACADEMIE : vous avez le rôle Gestionnaire CENTRES pour le SIRET " + SITE + "."), acceptedText);
        assertTrue(acceptedText.contains(PORTAL), acceptedText);

        Map<String, Object> refused = Map.of("accepted", false, "decider", "Alice Martin", "company", "ACADEMIE",
                "role", "", "siret", "", "reason", "Pas de <b>poste</b> & pas de budget", "link", "");
        Map<String, String> refusedEmail = email("fr", "ceres-access-decision.ftl", "ceresAccessDecision", refused);
        assertTrue(refusedEmail.get("text").contains("Alice Martin a refusé votre demande d'accès au service CERES pour"
                + " l'entreprise ACADEMIE."), refusedEmail.get("text"));
        assertTrue(refusedEmail.get("text").contains("Motif : Pas de <b>poste</b> & pas de budget"), refusedEmail.get("text"));
        assertTrue(refusedEmail.get("html").contains("Motif : Pas de &lt;b&gt;poste&lt;/b&gt; &amp; pas de budget"),
                refusedEmail.get("html"));

        Map<String, Object> noReason = new HashMap<>(refused);
        noReason.put("reason", "");
        assertFalse(email("en", "ceres-access-decision.ftl", "ceresAccessDecision", noReason).get("text").contains("Reason"));
    }
}
