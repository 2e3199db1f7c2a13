package fr.ceres.keycloak.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.ceres.keycloak.themes.AccessTemplatesTest.Invite;
import fr.ceres.keycloak.themes.ThemeRenderer.Email;
import fr.ceres.keycloak.themes.ThemeRenderer.LoginPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Roles are data: the pages offer the roles their bean lists, in its order, and word any role with its
 * ceresRole.{id} message. A third role, unknown to the theme's messages, stands for one the Java code may add.
 */
class RolesTemplatesTest {

    private static final String CENTRE = "41823967900016";
    private static final String SITE = "41823967900024";
    private static final List<String> ROLES = List.of("centre-agree", "gestionnaire", "formateur");

    private static LoginPage loginPage() throws IOException {
        return new LoginPage("fr")
                .withMessage("ceresRole.formateur", "Formateur")
                .withMessage("ceresRoleHelp.formateur", "Forme les candidats");
    }

    private static Email email() throws IOException {
        return new Email("fr").withMessage("ceresRole.formateur", "Formateur");
    }

    /** The part of html from the first occurrence of start to the next occurrence of end, included. */
    private static String element(String html, String start, String end) {
        int from = html.indexOf(start);
        assertTrue(from >= 0, "missing: " + start);
        int to = html.indexOf(end, from);
        assertTrue(to >= 0, "unclosed: " + start);
        return html.substring(from, to + end.length());
    }

    /** A select's options as "value:label", with a "*" after the value of the selected one. */
    private static List<String> options(String select) {
        List<String> options = new ArrayList<>();
        Matcher m = Pattern.compile("<option value=\"([^\"]*)\"( selected)?>([^<]*)</option>").matcher(select);
        while (m.find()) {
            options.add(m.group(1) + (m.group(2) == null ? "" : "*") + ":" + m.group(3));
        }
        return options;
    }

    private static Map<String, Object> accessBean() {
        Map<String, Object> page = new HashMap<>();
        page.put("centre", CENTRE);
        page.put("centreName", "ACADEMIE");
        page.put("sirets", List.of(CENTRE, SITE));
        page.put("people", List.of(
                Map.of("id", "u1", "name", "Alice Martin", "email", "alice@academie.fr",
                        "habilitations", List.of(Map.of("siret", CENTRE, "role", "gestionnaire"))),
                Map.of("id", "u2", "name", "Bruno Petit", "email", "bruno@academie.fr",
                        "habilitations", List.of(Map.of("siret", SITE, "role", "formateur")))));
        page.put("invitations", List.of(Map.ofEntries(Map.entry("id", "i1"), Map.entry("email", "emilie@academie.fr"),
                Map.entry("role", "formateur"), Map.entry("siret", SITE), Map.entry("inviter", "Alice Martin"),
                Map.entry("created", "14/01/2026 14:45"), Map.entry("createdIso", "2026-01-14T14:45:00+01:00"),
                Map.entry("expires", "21/01/2026 14:45"), Map.entry("expiresIso", "2026-01-21T14:45:00+01:00"),
                Map.entry("resendUrl", "/renvoyer"), Map.entry("cancelUrl", "/annuler"))));
        page.put("requests", List.of(Map.ofEntries(Map.entry("id", "r1"), Map.entry("name", "Chloé Roux"),
                Map.entry("email", "chloe@academie.fr"), Map.entry("accountSiret", SITE),
                Map.entry("declared", Map.of("siret", SITE, "siretVerified", true, "emailDomain", "academie.fr", "personalEmail", false)),
                Map.entry("created", "14/01/2026 14:45"), Map.entry("createdIso", "2026-01-14T14:45:00+01:00"),
                Map.entry("acceptUrl", "/accepter"), Map.entry("refuseUrl", "/refuser"))));
        page.put("csrf", "t");
        page.put("reasonMaxLength", 500);
        page.put("roles", ROLES);
        page.put("urls", Map.of("portal", "/portail/", "invite", "/inviter", "change", "/modifier", "revoke", "/retirer"));
        return page;
    }

    @Test
    @DisplayName("Given a third role, then the access page names it where it is held or invited, and offers it in « Modifier » and « Accepter »")
    void accessPage() throws Exception {
        LoginPage page = loginPage();
        page.data.put("ceresAccess", accessBean());
        String html = page.render("ceres-access.ftl");

        String key = "u2-" + SITE + "-formateur";
        assertTrue(element(html, "<tr id=\"ceres-access-habilitation-" + key + "\"", "</tr>").contains("<td>Formateur</td>"),
                "the role held, worded");
        assertEquals(List.of("centre-agree:Centre agréé", "gestionnaire:Gestionnaire CENTRES", "formateur*:Formateur"),
                options(element(html, "<select id=\"ceres-access-role-" + key + "\"", "</select>")), "« Modifier »: the role held");
        assertEquals(List.of("centre-agree:Centre agréé", "gestionnaire*:Gestionnaire CENTRES", "formateur:Formateur"),
                options(element(html, "<select id=\"ceres-access-role-u1-" + CENTRE + "-gestionnaire\"", "</select>")),
                "« Modifier »: another role held");
        assertTrue(element(html, "<tr id=\"ceres-access-invitation-i1\"", "</tr>").contains("<td>Formateur</td>"),
                "the role invited, worded");
        assertEquals(List.of("centre-agree*:Centre agréé", "gestionnaire:Gestionnaire CENTRES", "formateur:Formateur"),
                options(element(html, "<select id=\"ceres-access-accept-role-r1\"", "</select>")), "« Accepter »: the first role");
    }

    @Test
    @DisplayName("Given a third role, then the invite dialog offers a third radio with its help, and its summary names the role")
    void inviteDialog() throws Exception {
        Map<String, String> values = Map.of("mode", "email", "typedName", "", "person", "", "email", "emilie@academie.fr",
                "role", "formateur", "siret", SITE);
        LoginPage form = loginPage();
        form.data.put("ceresInvite", new Invite("form", values, Map.of(), null, false, List.of()).withRoles(ROLES));
        String html = form.render("ceres-invite.ftl");

        List<String> radios = new ArrayList<>();
        Matcher m = Pattern.compile("<input type=\"radio\" id=\"ceres-invite-role-([^\"]*)\" name=\"role\" value=\"([^\"]*)\" class=\"[^\"]*\" required( checked)?/>"
                + "\\s*<label for=\"ceres-invite-role-([^\"]*)\" class=\"[^\"]*\">([^<]*?)\\s*<span class=\"[^\"]*ceres-invite-radio-help\">([^<]*)</span>\\s*</label>")
                .matcher(element(html, "<fieldset id=\"ceres-invite-role\"", "</fieldset>"));
        while (m.find()) {
            assertEquals(m.group(1), m.group(2), "id and value");
            assertEquals(m.group(1), m.group(4), "label for");
            radios.add(m.group(2) + (m.group(3) == null ? "" : "*") + ":" + m.group(5) + ":" + m.group(6));
        }
        assertEquals(List.of("centre-agree:Centre agréé:Centres de formation",
                "gestionnaire:Gestionnaire CENTRES:Gestionnaire des comptes CENTRES",
                "formateur*:Formateur:Forme les candidats"), radios);

        LoginPage summary = loginPage();
        summary.data.put("ceresInvite", new Invite("summary", values, Map.of(), null, false, List.of()).withRoles(ROLES));
        String summaryHtml = summary.render("ceres-invite.ftl");
        assertTrue(summaryHtml.contains("<dd id=\"ceres-invite-chosen-role\">Formateur</dd>"), "chosen role");
        assertTrue(summaryHtml.contains("vous invite à accéder au service CERES avec le rôle Formateur pour"), "message");
    }

    @Test
    @DisplayName("Given a third role, then the portal page and the invitee's page name it")
    void portalAndInvitationPages() throws Exception {
        LoginPage portal = loginPage();
        portal.data.put("ceresPortal", Map.of("firstName", "Bruno", "lastName", "Petit",
                "habilitations", List.of(Map.of("siret", SITE, "role", "formateur", "gestionnaire", false,
                        "centre", CENTRE, "centreName", "ACADEMIE")),
                "gestionnaire", false, "managedCentres", List.of(), "attachUrl", "/attach", "logoutUrl", "/logout"));
        String portalHtml = portal.render("ceres-portal.ftl");
        assertTrue(element(portalHtml, "<ul id=\"ceres-portal-habilitations\"", "</ul>").contains(">Formateur</span>"));

        LoginPage invitation = loginPage();
        Map<String, Object> bean = new HashMap<>(Map.of("state", "confirm", "inviter", "Alice Martin", "role", "formateur",
                "company", "ACADEMIE", "siret", SITE, "centre", CENTRE, "email", "emilie@academie.fr", "nextUrl", "/next"));
        bean.putAll(Map.of("key", "k", "csrf", "t", "csrfField", "csrf", "actionUrl", "/invitation"));
        invitation.data.put("ceresInvitation", bean);
        assertTrue(invitation.render("ceres-invitation.ftl").contains("<dd id=\"ceres-invitation-role\">Formateur</dd>"));
    }

    @Test
    @DisplayName("Given a third role, then the invitation email and the acceptance email name it, in text and HTML")
    void emails() throws Exception {
        Email invitation = email();
        invitation.data.put("ceresInvitation", Map.of("inviter", "Alice Martin", "role", "formateur", "company", "ACADEMIE",
                "link", "https://portail.example/invitation", "expiryDate", "05/12/2026", "expiryTime", "14:30"));
        Map<String, String> invitationBodies = invitation.render("ceres-invitation.ftl");
        assertTrue(invitationBodies.get("text").contains("Alice Martin vous invite à accéder au service CERES avec le rôle Formateur"
                + " pour l'entreprise ACADEMIE."), invitationBodies.get("text"));
        assertTrue(invitationBodies.get("html").contains("avec le rôle Formateur pour l&#39;entreprise ACADEMIE."),
                invitationBodies.get("html"));

        Email decision = email();
        decision.data.put("ceresAccessDecision", Map.of("accepted", true, "decider", "Alice Martin", "company", "ACADEMIE",
                "role", "formateur", "siret", SITE, "reason", "", "link", "https://portail.example/"));
        Map<String, String> decisionBodies = decision.render("ceres-access-decision.ftl");
        for (String body : decisionBodies.values()) {
            assertTrue(body.contains("vous avez le rôle Formateur pour le SIRET " + SITE + "."), body);
        }
    }
}
