package fr.ceres.keycloak.themes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import fr.ceres.keycloak.themes.ThemeRenderer.LoginPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Renders the access page and the invite dialog through Keycloak's theme chain. */
class AccessTemplatesTest {

    private static final String CENTRE = "41823967900016";
    private static final String SITE = "41823967900024";

    private static Map<String, Object> accessPage(String notice) {
        Map<String, Object> page = new HashMap<>();
        page.put("centre", CENTRE);
        page.put("centreName", "ACADEMIE & CIE");
        page.put("sirets", List.of(CENTRE, SITE));
        page.put("people", List.of(Map.of("id", "u1", "name", "Alice <b>Martin</b>", "email", "alice@academie.fr",
                "habilitations", List.of(Map.of("siret", CENTRE, "role", "gestionnaire"), Map.of("siret", SITE, "role", "centre-agree")))));
        page.put("invitations", List.of(Map.ofEntries(Map.entry("id", "i1"), Map.entry("email", "emilie@academie.fr"),
                Map.entry("role", "centre-agree"), Map.entry("siret", SITE), Map.entry("inviter", "Alice Martin"),
                Map.entry("created", "14/01/2026 14:45"), Map.entry("createdIso", "2026-01-14T14:45:00+01:00"),
                Map.entry("expires", "21/01/2026 14:45"), Map.entry("expiresIso", "2026-01-21T14:45:00+01:00"),
                Map.entry("resendUrl", "/acces/" + CENTRE + "/invitations/i1/renvoyer"),
                Map.entry("cancelUrl", "/acces/" + CENTRE + "/invitations/i1/annuler"))));
        page.put("requests", List.of());
        page.put("csrf", "tok\"en");
        page.put("roles", ThemeRenderer.ROLES);
        if (notice != null) {
            page.put("notice", notice);
        }
        page.put("urls", Map.of("portal", "/portail/", "invite", "/acces/" + CENTRE + "/inviter",
                "change", "/acces/" + CENTRE + "/habilitations/modifier", "revoke", "/acces/" + CENTRE + "/habilitations/retirer"));
        return page;
    }

    @Test
    @DisplayName("Given the access page, then people, invitations and requests are listed, every form carries the token, names are escaped")
    void accessPage() throws Exception {
        LoginPage page = new LoginPage("fr");
        page.data.put("ceresAccess", accessPage("invitation-envoyee"));
        String html = page.render("ceres-access.ftl");

        assertTrue(Pattern.compile("id=\"kc-page-title\">\\s*Gérer les accès\\s*</h1>").matcher(html).find(), "title");
        assertTrue(html.contains("Centre : ACADEMIE &amp; CIE (SIRET " + CENTRE + ")"), "centre");
        assertTrue(html.contains("role=\"status\"") && html.contains("Email d&#39;invitation transmis"), "notice");
        assertTrue(html.contains("Alice &lt;b&gt;Martin&lt;/b&gt;"), "escaped name");
        assertFalse(html.contains("<b>Martin</b>"));
        assertTrue(html.contains("id=\"ceres-access-habilitation-u1-" + CENTRE + "-gestionnaire\""));
        assertTrue(html.contains("id=\"ceres-access-habilitation-u1-" + SITE + "-centre-agree\""));
        assertTrue(html.contains("<label class=\"pf-v5-c-form__label\" for=\"ceres-access-role-u1-" + SITE + "-centre-agree\">Rôle</label>"), "labelled select");
        assertTrue(html.contains("<option value=\"centre-agree\" selected>Centre agréé</option>"));
        assertTrue(html.contains("<time datetime=\"2026-01-21T14:45:00+01:00\">21/01/2026 14:45</time>"));
        assertTrue(html.contains(">Renvoyer<span class=\"ceres-visually-hidden\"> — emilie@academie.fr</span></button>"));
        assertTrue(html.contains("Aucune demande d&#39;accès en attente."));
        int forms = html.split("<form ", -1).length - 1;
        int tokens = html.split("name=\"csrf\" value=\"tok&quot;en\"", -1).length - 1;
        assertTrue(forms == 6 && tokens == forms, forms + " forms, " + tokens + " tokens");
    }

    @Test
    @DisplayName("Given a refusal or an error notice, then the French text, as an alert; an unknown notice says nothing")
    void refusalsAndNotices() throws Exception {
        LoginPage refused = new LoginPage("fr");
        refused.data.put("ceresAccessRefused", "forbidden");
        refused.data.put("ceresPortalUrl", "/portail/");
        String html = refused.render("ceres-access.ftl");
        assertTrue(Pattern.compile("Accès refusé\\s*</h1>").matcher(html).find());
        assertTrue(html.contains("Seuls les gestionnaires de ce centre peuvent gérer ses accès."));
        assertTrue(html.contains("id=\"ceres-access-back\" class=\"\" href=\"/portail/\">Retour à Mes démarches</a>"));

        LoginPage csrf = new LoginPage("fr");
        csrf.data.put("ceresAccessRefused", "csrf");
        csrf.data.put("ceresPortalUrl", "/portail/");
        assertTrue(csrf.render("ceres-access.ftl").contains("Ce formulaire a expiré ou ne vient pas du portail"));

        LoginPage last = new LoginPage("fr");
        last.data.put("ceresAccess", accessPage("dernier-gestionnaire"));
        String lastHtml = last.render("ceres-access.ftl");
        assertTrue(lastHtml.contains("role=\"alert\"") && lastHtml.contains("pf-m-danger"));
        assertTrue(lastHtml.contains("Le centre doit toujours garder au moins un gestionnaire"));

        LoginPage unknown = new LoginPage("en");
        unknown.data.put("ceresAccess", accessPage("<script>"));
        String unknownHtml = unknown.render("ceres-access.ftl");
        assertFalse(unknownHtml.contains("ceres-access-notice"));
        assertTrue(unknownHtml.contains("Manage access"));
    }

    @Test
    @DisplayName("Given the DSFR theme, then the access page is full width, its tables are DSFR tables scrolling in a focusable region named by their caption, its notice a DSFR alert")
    void accessPageInDsfr() throws Exception {
        LoginPage page = new LoginPage("fr", ThemeRenderer.CERES_DSFR);
        page.data.put("ceresAccess", accessPage("invitation-envoyee"));
        String html = page.render("ceres-access.ftl");

        assertTrue(html.contains("<body id=\"keycloak-bg\" class=\"ceres-wide\""), "full width");
        assertTrue(html.contains("class=\"fr-alert fr-alert--success fr-alert--sm fr-mb-3w\" role=\"status\""), "notice");
        for (String table : List.of("ceres-access-people", "ceres-access-invitations")) {
            assertTrue(Pattern.compile("<div class=\"fr-table fr-table--no-caption\" id=\"" + table + "-table\">\\s*<div class=\"fr-table__wrapper\">"
                    + "\\s*<div class=\"fr-table__container ceres-table-region\" role=\"region\" aria-labelledby=\"" + table + "-caption\" tabindex=\"0\">"
                    + "\\s*<div class=\"fr-table__content\">\\s*<table>\\s*<caption id=\"" + table + "-caption\"").matcher(html).find(), table);
        }
        assertTrue(html.contains("<summary class=\"fr-btn fr-btn--tertiary fr-btn--sm\">Modifier"), "« Modifier », a DSFR button");
        assertTrue(html.contains("<select id=\"ceres-access-role-u1-" + CENTRE + "-gestionnaire\" name=\"nouveauRole\" class=\"fr-select\">"));
        assertTrue(html.contains("id=\"ceres-access-invite\" class=\"fr-btn fr-btn--icon-left fr-icon-user-add-line\""));
        assertFalse(html.contains("pf-v5-c-button") || html.contains("pf-m-"), "no PatternFly class");
    }

    @Test
    @DisplayName("Given the DSFR theme, then the dialog's questions are DSFR fieldsets, « Rôle » DSFR radios with their hints, errors DSFR messages tied to their field")
    void inviteDialogInDsfr() throws Exception {
        LoginPage page = new LoginPage("fr", ThemeRenderer.CERES_DSFR);
        page.data.put("ceresInvite", new Invite("form", values("email", "", "x", "", "7"),
                Map.of("email", "email-invalide", "role", "role-invalide", "siret", "siret-invalide"), null, false, List.of()));
        String html = page.render("ceres-invite.ftl");

        assertTrue(html.contains("<fieldset id=\"ceres-invite-role\" class=\"fr-fieldset\">"));
        assertTrue(html.contains("<fieldset id=\"ceres-invite-role-choice\" class=\"fr-fieldset fr-fieldset--error\" aria-describedby=\"ceres-invite-error-role\">"));
        assertTrue(Pattern.compile("<div class=\"fr-radio-group\">\\s*<input type=\"radio\" id=\"ceres-invite-role-gestionnaire\"").matcher(html).find());
        assertTrue(html.contains("<span class=\"fr-hint-text ceres-invite-radio-help\">Gestionnaire des comptes CENTRES</span>"));
        assertTrue(html.contains("<div class=\"fr-input-group fr-input-group--error\">"), "the email's group in error");
        assertTrue(html.contains("class=\"fr-input fr-input--error\""), "the email input in error");
        assertTrue(html.contains("<p class=\"fr-message fr-message--error\" id=\"ceres-invite-error-email\">"));
        assertTrue(html.contains("<div class=\"fr-select-group fr-select-group--error\">"));
        assertTrue(html.contains("class=\"fr-alert fr-alert--error fr-alert--sm fr-mb-3w\" role=\"alert\""));
        assertFalse(html.contains("pf-v5-c-button") || html.contains("pf-v5-c-form-control"), "no PatternFly control");
    }

    @Test
    @DisplayName("Given either theme, then the portal's pages carry no inline style: their rules are in the themes' stylesheets")
    void noInlineStyle() throws Exception {
        for (String theme : List.of(ThemeRenderer.CERES, ThemeRenderer.CERES_DSFR)) {
            LoginPage access = new LoginPage("fr", theme);
            access.data.put("ceresAccess", accessPage(null));
            LoginPage invite = new LoginPage("fr", theme);
            invite.data.put("ceresInvite", new Invite("form", values("compte", "", "", "", CENTRE), Map.of(), null, false, List.of()));
            for (String html : List.of(access.render("ceres-access.ftl"), invite.render("ceres-invite.ftl"))) {
                assertFalse(html.contains("<style") || html.contains(" style=\""), theme);
            }
        }
    }

    /** The dialog's bean, as InvitePage exposes it. */
    public static final class Invite {
        private final String step;
        private final Map<String, String> values;
        private final Map<String, String> errors;
        private final String problem;
        private final boolean searched;
        private final List<Map<String, Object>> suggestions;
        private List<String> roles = ThemeRenderer.ROLES;

        Invite(String step, Map<String, String> values, Map<String, String> errors, String problem, boolean searched,
                List<Map<String, Object>> suggestions) {
            this.step = step;
            this.values = values;
            this.errors = errors;
            this.problem = problem;
            this.searched = searched;
            this.suggestions = suggestions;
        }

        /** Offers other roles than today's. */
        Invite withRoles(List<String> roles) {
            this.roles = roles;
            return this;
        }

        public String getStep() { return step; }
        public String getCentre() { return CENTRE; }
        public String getCompany() { return "ACADEMIE & CIE"; }
        public List<String> getSirets() { return List.of(CENTRE, SITE); }
        public List<String> getRoles() { return roles; }
        public Map<String, String> getValues() { return values; }
        public String error(String field) { return errors.get(field); }
        public boolean isInvalid() { return !errors.isEmpty() || problem != null; }
        public String getProblem() { return problem; }
        public List<Map<String, Object>> getSuggestions() { return suggestions; }
        public boolean isSearched() { return searched; }
        public int getMinQueryLength() { return 3; }
        public String getInviterName() { return "Alice Martin"; }
        public String getInvitedName() { return "Émilie Durand"; }
        public String getInvitedEmail() { return values.get("person").isEmpty() ? values.get("email") : values.get("person"); }
        public String getCsrf() { return "t"; }
        public Map<String, String> getUrls() { return Map.of("action", "/inviter", "back", "/acces", "people", "/acces/personnes"); }
    }

    private static Map<String, String> values(String mode, String person, String email, String role, String siret) {
        return Map.of("mode", mode, "typedName", "Émilie", "person", person, "email", email, "role", role, "siret", siret);
    }

    @Test
    @DisplayName("Given the dialog, then « Utilisateur » is a labelled combobox with its script, the roles with their help texts and the SIRETs, and Enter means « Continuer »")
    void inviteDialog() throws Exception {
        LoginPage page = new LoginPage("fr");
        page.data.put("ceresInvite", new Invite("form", values("compte", "", "", "", CENTRE), Map.of(), null, false, List.of()));
        String html = page.render("ceres-invite.ftl");

        assertTrue(Pattern.compile("Inviter un utilisateur\\s*</h1>").matcher(html).find());
        assertTrue(html.contains("Qui souhaitez-vous inviter ?"));
        assertTrue(html.contains("<label class=\"pf-v5-c-form__label\" for=\"ceres-invite-person\">Utilisateur"));
        assertTrue(html.contains("role=\"combobox\" aria-autocomplete=\"list\" aria-expanded=\"false\" aria-controls=\"ceres-invite-suggestions\""));
        assertTrue(html.contains("data-ceres-people-url=\"/acces/personnes\" data-ceres-min-length=\"3\""));
        assertTrue(html.contains("Commencez à taper le nom, une liste vous sera proposée"));
        assertTrue(html.contains("La personne ne dispose pas de compte Portail ?"));
        assertTrue(html.contains(">Ajouter son adresse email</button>"));
        assertTrue(html.contains("Quel rôle souhaitez-vous lui donner ?"));
        assertTrue(Pattern.compile("Centre agréé\\s*<span class=\"[^\"]*ceres-invite-radio-help\">Centres de formation</span>").matcher(html).find());
        assertTrue(Pattern.compile("Gestionnaire CENTRES\\s*<span class=\"[^\"]*ceres-invite-radio-help\">Gestionnaire des comptes CENTRES</span>")
                .matcher(html).find());
        assertTrue(html.contains("<option value=\"" + CENTRE + "\" selected>" + CENTRE + " (centre)</option>"));
        assertTrue(html.contains("<option value=\"" + SITE + "\">" + SITE + " (site lié)</option>"));
        assertTrue(html.contains("<script type=\"module\" src=\"/auth/resources/v/login/ceres/js/ceresPeopleSearch.js\"></script>"));
        int implicit = html.indexOf("value=\"recapitulatif\" class=\"ceres-visually-hidden\"");
        assertTrue(implicit > 0 && implicit < html.indexOf("id=\"ceres-invite-search\""), "Enter = Continuer");
        assertTrue(html.indexOf(">Abandonner</a>") < html.indexOf("id=\"ceres-invite-continue\""));
    }

    @Test
    @DisplayName("Given problems, then each field says its own in French, and the whole-invitation problem is an alert")
    void inviteDialogProblems() throws Exception {
        LoginPage page = new LoginPage("fr");
        page.data.put("ceresInvite", new Invite("form", values("email", "", "x", "", "7"),
                Map.of("email", "email-invalide", "role", "role-invalide", "siret", "siret-invalide"), null, false, List.of()));
        String html = page.render("ceres-invite.ftl");
        assertTrue(html.contains("Saisissez une adresse email valide (exemple : prenom.nom@exemple.fr)."));
        assertTrue(html.contains("Choisissez le rôle : Centre agréé ou Gestionnaire CENTRES."));
        assertTrue(html.contains("Choisissez le SIRET du centre ou de l&#39;un de ses sites liés."));
        assertTrue(html.contains("aria-describedby=\"ceres-invite-email-help ceres-invite-error-email\" aria-invalid=\"true\""));
        assertTrue(html.contains("Corrigez les champs signalés"));

        LoginPage held = new LoginPage("fr");
        held.data.put("ceresInvite", new Invite("form", values("email", "", "alice@academie.fr", "gestionnaire", CENTRE),
                Map.of(), "deja-habilite", false, List.of()));
        assertTrue(held.render("ceres-invite.ftl").contains("alice@academie.fr dispose déjà de cette habilitation"));

        LoginPage searched = new LoginPage("fr");
        searched.data.put("ceresInvite", new Invite("form", values("compte", "", "", "", CENTRE), Map.of(), null, true,
                List.of(Map.of("name", "Émilie Durand", "email", "emilie@gmail.com", "declared",
                        Map.of("siret", SITE, "siretVerified", false, "emailDomain", "gmail.com", "personalEmail", true)))));
        String list = searched.render("ceres-invite.ftl");
        assertTrue(list.contains("SIRET déclaré " + SITE + " (SIRET non vérifié), adresse email personnelle"), list);
        assertTrue(list.contains("<input type=\"radio\" id=\"ceres-invite-result-0\" name=\"personne\" value=\"emilie@gmail.com\" class=\"pf-v5-c-radio__input\" autofocus/>"));
    }

    @Test
    @DisplayName("Given the summary, then the objet and message of the ministry's procedure, naming the inviter, the role and the company, and « Continuer » focused")
    void summary() throws Exception {
        LoginPage page = new LoginPage("fr");
        page.data.put("ceresInvite", new Invite("summary", values("compte", "emilie@academie.fr", "", "centre-agree", SITE),
                Map.of(), null, false, List.of()));
        String html = page.render("ceres-invite.ftl");
        assertTrue(html.contains("Récapitulatif de l&#39;invitation"));
        assertTrue(html.contains("<dd id=\"ceres-invite-subject\">Invitation à rejoindre la démarche CERES</dd>"));
        assertTrue(html.contains("Bonjour, Alice Martin vous invite à accéder au service CERES avec le rôle Centre agréé pour"
                + " l&#39;entreprise ACADEMIE &amp; CIE. Pour valider cette invitation, veuillez vous connecter sur le portail"
                + " Mes Démarches Emploi et Formation Professionnelle en suivant le lien ci-dessous."));
        assertTrue(html.contains("Émilie Durand (emilie@academie.fr)"));
        assertTrue(html.contains("<input type=\"hidden\" name=\"personne\" value=\"emilie@academie.fr\"/>"));
        assertTrue(html.contains("id=\"ceres-invite-send\" class=\"pf-v5-c-button pf-m-primary\" autofocus>Continuer</button>"));

        LoginPage english = new LoginPage("en");
        english.data.put("ceresInvite", new Invite("summary", values("email", "", "new@x.fr", "gestionnaire", CENTRE),
                Map.of(), null, false, List.of()));
        assertTrue(english.render("ceres-invite.ftl").contains("Hello, Alice Martin invites you to access the CERES service with the role Centre manager"));
    }
}
