package fr.ceres.keycloak.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.ceres.keycloak.themes.ThemeRenderer.LoginPage;
import fr.ceres.keycloak.themes.ThemeRenderer.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Renders every Ceres template through Keycloak's theme chain and checks what the person sees. */
class ThemeTemplatesTest {

    private static final String PENDING = "jeanne.martin+test@example.fr";

    private static String registerPage(LoginPage page, Map<String, String> values) throws Exception {
        page.data.put("passwordRequired", true);
        page.data.put("profile", ThemeRenderer.ceresProfile(values));
        return page.render("register.ftl");
    }

    private static int indexOf(String html, String needle) {
        int index = html.indexOf(needle);
        assertTrue(index >= 0, "missing: " + needle);
        return index;
    }

    // ------------------------------------------------------------------------------------------ register.ftl

    @Test
    void registerPageInFrench() throws Exception {
        String html = registerPage(new LoginPage("fr"), Map.of());

        assertTrue(html.contains("<html class=\"login-pf\" lang=\"fr\""), "lang");
        assertTrue(html.contains("Mes Démarches Emploi et Formation Professionnelle</div>"), "text header");
        assertTrue(html.contains("<title>Mes Démarches Emploi et Formation Professionnelle</title>"), "title");
        assertTrue(Pattern.compile("id=\"kc-page-title\">[^<]*<!--[^>]*-->\\s*Créer mon compte\\s*</h1>").matcher(html).find(), "page header");
        assertTrue(html.contains("type=\"submit\" id=\"kc-submit\" value=\"Créer mon compte\""), "submit button");
        assertTrue(html.contains("/css/styles.css\" rel=\"stylesheet\""), "parent stylesheet kept");
        assertTrue(html.contains("/css/ceres.css\" rel=\"stylesheet\""), "ceres stylesheet");
        assertFalse(html.contains("updateDarkMode"), "light theme only");
        assertTrue(html.contains("data-kcSiretLookup=\"on\""), "SIRET input annotated");
        assertTrue(html.contains("<script type=\"module\" src=\"/auth/resources/v/login/ceres/js/kcSiretLookup.js\"></script>"), "lookup script");
        assertFalse(html.contains("ceres-resend"), "no resend button without a pending account");
        assertFalse(html.contains("ceres-implicit-submit"), "no implicit button without a pending account");
        assertFalse(html.contains("g-recaptcha"), "no reCAPTCHA when the step is disabled");

        // Password fields right after the email, before the company fields.
        int email = indexOf(html, "id=\"email\"");
        int password = indexOf(html, "id=\"password\"");
        int confirm = indexOf(html, "id=\"password-confirm\"");
        int siret = indexOf(html, "id=\"siret\"");
        assertTrue(email < password && password < confirm && confirm < siret, "field order");
        assertTrue(html.contains("Confirmez votre mot de passe"), "the label of the ministry's procedure");
    }

    @Test
    void registerPageInEnglish() throws Exception {
        String html = registerPage(new LoginPage("en"), Map.of());
        assertTrue(html.contains("lang=\"en\""));
        assertTrue(html.contains("value=\"Create my account\""));
        assertTrue(Pattern.compile("Create my account\\s*</h1>").matcher(html).find());
    }

    @Test
    void registerPageWithPendingAccountOffersResend() throws Exception {
        LoginPage page = new LoginPage("fr");
        page.data.put("ceresPendingEmail", PENDING);
        page.fieldErrors.put("global", page.text("ceresEmailPendingActivation"));
        page.message("error", "ceresEmailPendingActivation");
        String html = registerPage(page, Map.of("email", PENDING));

        assertTrue(html.contains("Un compte en attente d&#39;activation existe déjà pour cette adresse."), "global message");
        assertTrue(html.contains("<button type=\"submit\" name=\"ceresResend\" value=\"true\" id=\"ceres-resend\""), "resend button");
        assertTrue(html.contains(">Renvoyer le lien d&#39;activation</button>"), "resend text");
        assertTrue(html.contains("Compte en attente d&#39;activation : " + PENDING), "pending address shown");
        // Enter must create the account, not resend: a nameless submit button comes first in the form.
        int form = indexOf(html, "<form id=\"kc-register-form\"");
        int implicit = indexOf(html, "id=\"ceres-implicit-submit\"");
        int resend = indexOf(html, "id=\"ceres-resend\"");
        int alert = indexOf(html, "pf-m-danger");
        assertTrue(alert < form && form < implicit && implicit < resend, "order: message, form, implicit submit, resend");
        assertTrue(resend < indexOf(html, "id=\"email\""), "resend next to the message, above the fields");
    }

    @Test
    void registerPageEscapesThePendingAddress() throws Exception {
        LoginPage page = new LoginPage("fr");
        page.data.put("ceresPendingEmail", "\"><script>alert(1)</script>@x.fr");
        String html = registerPage(page, Map.of());
        assertFalse(html.contains("<script>alert(1)</script>"));
        assertTrue(html.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;@x.fr"));
    }

    @Test
    void registerPageCarriesTheCaptchaBeforeItsButtons() throws Exception {
        LoginPage page = new LoginPage("fr");
        page.data.put("ceresCaptchaChallenge", "{\"algorithm\":\"SHA-256\",\"salt\":\"abc?expires=1&\"}");
        String html = registerPage(page, Map.of());

        assertTrue(html.contains("challenge=\"{&quot;algorithm&quot;:&quot;SHA-256&quot;,&quot;salt&quot;:&quot;abc?expires=1&amp;&quot;}\""),
                "the challenge, escaped for its attribute");
        assertTrue(indexOf(html, "<altcha-widget id=\"ceres-captcha\" name=\"altcha\" auto=\"onload\"") < indexOf(html, "id=\"kc-submit\""),
                "solved in the background, before the buttons");
        assertTrue(html.contains("language=\"fr\""));
        assertTrue(html.contains("data-label=\"Je ne suis pas un robot\""), "the theme's texts");
        assertTrue(html.contains("data-announce-verified=\"Vérification anti-robot terminée : vous pouvez envoyer le formulaire.\""));
        assertTrue(html.contains("id=\"ceres-captcha-status\" class=\"ceres-visually-hidden\" role=\"status\" aria-live=\"polite\""));
        assertTrue(html.contains("<script type=\"module\" src=\"/auth/resources/v/login/ceres/vendor/altcha/altcha.min.js\"></script>"),
                "the widget served by the theme, no third party");
        assertTrue(html.contains("\"hideLogo\":true,\"hideFooter\":true"), "no link out of the page");
    }

    @Test
    void registerPageHasNoCaptchaWhenTheStepIsOff() throws Exception {
        String html = registerPage(new LoginPage("fr"), Map.of());
        assertFalse(html.contains("altcha"), "no widget, no script");
    }

    @Test
    void registerPageKeepsTheVisibleRecaptcha() throws Exception {
        LoginPage page = new LoginPage("fr");
        page.data.put("recaptchaRequired", true);
        page.data.put("recaptchaVisible", true);
        page.data.put("recaptchaSiteKey", "site-key");
        page.data.put("recaptchaAction", "register");
        String html = registerPage(page, Map.of());
        assertTrue(html.contains("<div class=\"g-recaptcha\" data-size=\"compact\" data-sitekey=\"site-key\" data-action=\"register\"></div>"));
        assertTrue(html.contains("value=\"Créer mon compte\""));
    }

    @Test
    void registerPageKeepsTheInvisibleRecaptcha() throws Exception {
        LoginPage page = new LoginPage("fr");
        page.data.put("recaptchaRequired", true);
        page.data.put("recaptchaVisible", false);
        page.data.put("recaptchaSiteKey", "site-key");
        page.data.put("recaptchaAction", "register");
        page.data.put("ceresPendingEmail", PENDING);
        String html = registerPage(page, Map.of());
        assertTrue(html.contains("data-sitekey=\"site-key\" data-callback=\"onSubmitRecaptcha\" data-action=\"register\" type=\"submit\" id=\"kc-submit\""));
        assertTrue(html.contains("implicitSubmit.addEventListener(\"click\""), "Enter goes through the reCAPTCHA button");
    }

    @Test
    void registerPageShowsFieldErrorsAndKeepsValues() throws Exception {
        LoginPage page = new LoginPage("fr");
        page.fieldErrors.put("siret", page.text("ceresSiretClosed"));
        page.fieldErrors.put("telephone", page.text("ceresInvalidPhone"));
        page.fieldErrors.put("adresse", page.text("ceresInvalidText"));
        page.fieldErrors.put("password-confirm", page.text("invalidPasswordConfirmMessage"));
        String html = registerPage(page, Map.of("siret", "732 829 320 00074", "raisonSociale", "A & B"));
        assertTrue(html.contains("Cet établissement est fermé : indiquez le SIRET d&#39;un établissement en activité."));
        assertTrue(html.contains("Le numéro de téléphone n&#39;est pas valide (exemple : 06 12 34 56 78)."));
        assertTrue(html.contains("Ce champ ne doit pas contenir les caractères &lt; &gt; ou &amp;."));
        assertTrue(html.contains("La confirmation du mot de passe ne correspond pas."));
        assertTrue(html.contains("value=\"732 829 320 00074\""));
        assertTrue(html.contains("value=\"A &amp; B\""));
    }

    // ------------------------------------------------------------------------------------------ login-verify-email.ftl

    @Test
    void activationEmailSentPage() throws Exception {
        LoginPage page = new LoginPage("fr");
        page.data.put("verifyEmail", PENDING);
        page.data.put("user", new User("Jeanne", "Martin", PENDING));
        String html = page.render("login-verify-email.ftl");
        assertTrue(Pattern.compile("Activez votre compte\\s*</h1>").matcher(html).find(), "header");
        assertTrue(html.contains("Un email d&#39;activation vient de vous être envoyé à " + PENDING
                + ". Cliquez sur le lien qu&#39;il contient pour activer votre compte ; il est valable 24 heures et ne sert qu&#39;une fois."));
        assertTrue(html.contains("Vous n&#39;avez rien reçu ?"));
        assertTrue(html.contains("<a href=\"/auth/realms/ceres/login-actions/required-action?execution=VERIFY_EMAIL&amp;client_id=ceres&amp;tab_id=t\" id=\"ceres-resend-email\">Renvoyer l&#39;email</a>"));
    }

    @Test
    void activationEmailSentPageInEnglishWithCooldown() throws Exception {
        LoginPage page = new LoginPage("en");
        page.data.put("verifyEmail", PENDING);
        page.message("error", "emailVerifySendCooldown", 42);
        String html = page.render("login-verify-email.ftl");
        assertTrue(Pattern.compile("Activate your account\\s*</h1>").matcher(html).find());
        assertTrue(html.contains("An activation email has just been sent to " + PENDING + "."));
        assertTrue(html.contains("42 seconds"));
        assertTrue(html.contains(">Resend the email</a>"));
    }

    @Test
    void activationEmailPageForAnApplicationInitiatedAction() throws Exception {
        LoginPage page = new LoginPage("fr");
        page.data.put("isAppInitiatedAction", true);
        page.data.put("user", new User("Jeanne", "Martin", PENDING));
        String html = page.render("login-verify-email.ftl");
        assertTrue(html.contains("nous allons envoyer un email d&#39;activation à " + PENDING));
        assertTrue(html.contains("value=\"Envoyer l&#39;email d&#39;activation\""));
        assertTrue(html.contains("name=\"cancel-aia\""));
        assertFalse(html.contains("ceres-resend-email"));
    }

    // ------------------------------------------------------------------------------------------ ceres-activation.ftl

    private static LoginPage activationPage(String language, String state, User user) throws IOException {
        LoginPage page = new LoginPage(language);
        page.data.remove("auth");
        page.data.put("activationState", state);
        page.data.put("activationAction", "/auth/realms/ceres/login-actions/action-token");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("key", "eyJ.\"<x>\"&y");
        params.put("client_id", "ceres");
        params.put("tab_id", "t1");
        params.put("n", 1234567);
        page.data.put("activationParams", params);
        page.data.put("portalUrl", "https://portail.example/?a=1&b=2");
        if (user != null) {
            page.data.put("user", user);
        }
        return page;
    }

    @Test
    void activationConfirmPage() throws Exception {
        String html = activationPage("fr", "confirm", new User("Jeanne", "<b>Martin</b>", PENDING)).render("ceres-activation.ftl");
        assertTrue(Pattern.compile("Activation de votre compte\\s*</h1>").matcher(html).find());
        assertTrue(html.contains("Bonjour Jeanne &lt;b&gt;Martin&lt;/b&gt;, cliquez sur le bouton ci-dessous pour activer votre compte Mes Démarches Emploi et Formation Professionnelle."));
        assertTrue(html.contains("method=\"get\" action=\"/auth/realms/ceres/login-actions/action-token\""));
        assertTrue(html.contains("<input type=\"hidden\" name=\"key\" value=\"eyJ.&quot;&lt;x&gt;&quot;&amp;y\"/>"));
        assertTrue(html.contains("<input type=\"hidden\" name=\"client_id\" value=\"ceres\"/>"));
        assertTrue(html.contains("<input type=\"hidden\" name=\"n\" value=\"1234567\"/>"), "numbers unformatted");
        assertTrue(Pattern.compile("<button type=\"submit\" id=\"ceres-activate\"[^>]*>Activer mon compte</button>").matcher(html).find());
        assertFalse(html.contains("ceres-portal"));
    }

    @Test
    void activationConfirmPageWithoutUser() throws Exception {
        String html = activationPage("fr", "confirm", null).render("ceres-activation.ftl");
        assertTrue(html.contains("Bonjour, cliquez sur le bouton ci-dessous"));
        assertTrue(html.contains("id=\"ceres-activate\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void activationDoneAndUsedPages(String language) throws Exception {
        boolean fr = "fr".equals(language);
        String activated = activationPage(language, "activated", new User("Jeanne", "Martin", PENDING)).render("ceres-activation.ftl");
        assertTrue(activated.contains(fr ? "Votre compte est activé" : "Your account is activated"));
        assertTrue(activated.contains(fr
                ? "Vous pouvez maintenant vous connecter avec votre adresse électronique et le mot de passe que vous avez choisi."
                : "You can now sign in with your email address and the password you chose."));
        assertTrue(Pattern.compile("<a id=\"ceres-portal\" href=\"https://portail.example/\\?a=1&amp;b=2\"\\s+class=\"[^\"]*pf-m-primary[^\"]*\">"
                + (fr ? "Accéder au portail" : "Go to the portal") + "</a>").matcher(activated).find());
        assertFalse(activated.contains("ceres-activate\""));

        String used = activationPage(language, "used", null).render("ceres-activation.ftl");
        assertTrue(used.contains(fr ? "Lien déjà utilisé" : "Link already used"));
        assertTrue(used.contains(fr
                ? "Ce lien d&#39;activation a déjà servi : votre compte est déjà activé. Connectez-vous au portail avec votre adresse électronique et votre mot de passe."
                : "This activation link has already been used: your account is already activated."));
        assertTrue(used.contains("id=\"ceres-portal\""));
    }

    @Test
    void activationConfirmPageInEnglish() throws Exception {
        String html = activationPage("en", "confirm", new User("Jeanne", "Martin", PENDING)).render("ceres-activation.ftl");
        assertTrue(html.contains("Hello Jeanne Martin, click the button below to activate your Mes Démarches Emploi et Formation Professionnelle account."));
        assertTrue(html.contains(">Activate my account</button>"));
    }

    // ------------------------------------------------------------------------------------------ Keycloak's pages

    @Test
    void expiredLinkErrorPage() throws Exception {
        LoginPage page = new LoginPage("fr");
        page.message("error", "expiredActionTokenNoSessionMessage");
        String html = page.render("error.ftl");
        assertTrue(html.contains("Ce lien a expiré. Un lien d&#39;activation est valable 24 heures : passé ce délai, recommencez votre inscription depuis la page « Créer mon compte »."));
    }

    // ------------------------------------------------------------------------------------------ email

    @Test
    void activationEmailInFrench() throws Exception {
        String link = "https://ceres.example/realms/ceres/login-actions/action-token?key=a.b-c&client_id=ceres&tab_id=x";
        Map<String, String> email = ThemeRenderer.renderVerificationEmail("fr", new User("Gérard", "Dupont & <fils>", "g@x.fr"), link, 1440);
        assertEquals("Demande de création de votre compte Mes Démarches Emploi et Formation Professionnelle", email.get("subject"));

        String text = email.get("text");
        assertTrue(text.startsWith("Bonjour Gérard Dupont & <fils>,\n\nVous avez fait une demande de création de compte.\n\n" + link + "\n\n"), text);
        assertTrue(text.contains("Si vous rencontrez des difficultés pour activer ce lien, copiez-le et collez-le directement dans la barre d'adresse de votre navigateur."));
        assertTrue(text.contains("Vous pourrez ensuite vous connecter avec votre identifiant (votre adresse électronique) et le mot de passe que vous avez choisi."));
        assertTrue(text.contains("À noter : le lien d'activation est valable pour une seule activation. Vous avez un délai de 24 heures pour effectuer cette action, passé ce délai, il vous faudra recommencer le processus d'inscription."));
        assertTrue(text.contains("Cordialement,\nL'équipe technique Mes Démarches Emploi et Formation Professionnelle."));
        assertTrue(text.contains("Ce message est envoyé par un automate, merci de ne pas y répondre : votre réponse ne pourra pas être traitée. Si vous n'êtes pas à l'origine de cette action, veuillez ignorer ce message."));

        String html = email.get("html");
        String escaped = link.replace("&", "&amp;");
        assertTrue(html.contains("<html lang=\"fr\""));
        assertTrue(html.contains("<p>Bonjour Gérard Dupont &amp; &lt;fils&gt;,</p>"));
        assertTrue(html.contains("<a href=\"" + escaped + "\" style="), "the button's link");
        assertTrue(html.contains(">Activer mon compte</a>"), "the button");
        assertTrue(html.contains("\">" + escaped + "</a>"), "link, visible as text");
        assertTrue(html.contains("Vous avez un délai de 24 heures pour effectuer cette action"));
    }

    @Test
    void activationEmailInEnglishWithoutNameAndOtherDelays() throws Exception {
        Map<String, String> email = ThemeRenderer.renderVerificationEmail("en", new User(null, null, "g@x.fr"), "https://x/y", 2880);
        assertEquals("Request to create your Mes Démarches Emploi et Formation Professionnelle account", email.get("subject"));
        assertTrue(email.get("text").startsWith("Hello,\n\nYou have asked for an account to be created."));
        assertTrue(email.get("text").contains("You have 48 hours to complete this action"));

        assertTrue(ThemeRenderer.renderVerificationEmail("fr", new User("A", "B", "a@b.fr"), "https://x/y", 60).get("text").contains("un délai de 1 heure pour"));
        assertTrue(ThemeRenderer.renderVerificationEmail("fr", new User("A", "B", "a@b.fr"), "https://x/y", 90).get("text").contains("un délai de 90 minutes pour"));
        assertTrue(ThemeRenderer.renderVerificationEmail("fr", new User("A", "B", "a@b.fr"), "https://x/y", 4320).get("text").contains("un délai de 3 jours pour"));
    }

    // ------------------------------------------------------------------------------------------ message files

    private static Properties themeMessages(String type, String language) throws IOException {
        Properties properties = new Properties();
        String resource = "theme/ceres/" + type + "/messages/messages_" + language + ".properties";
        try (InputStream in = ThemeTemplatesTest.class.getClassLoader().getResourceAsStream(resource);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"login", "email"})
    void messagesExistInBothLanguagesAndQuoteApostrophes(String type) throws IOException {
        Properties fr = themeMessages(type, "fr");
        Properties en = themeMessages(type, "en");
        assertEquals(new TreeSet<>(fr.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()), "same keys in fr and en");
        Pattern lonelyQuote = Pattern.compile("(?<!')'(?!')");
        for (Properties messages : List.of(fr, en)) {
            for (String key : messages.stringPropertyNames()) {
                assertFalse(lonelyQuote.matcher(messages.getProperty(key)).find(), key + ": write '' for an apostrophe (MessageFormat)");
            }
        }
    }

    private static List<Path> templates(String type) throws IOException {
        try (Stream<Path> files = Files.walk(Paths.get("src/main/resources/theme/ceres", type))) {
            return files.filter(p -> p.toString().endsWith(".ftl")).sorted().toList();
        }
    }

    /** msg("key") is a message; msg("prefix." + id) a family of messages, at least one of which must exist. */
    @ParameterizedTest
    @ValueSource(strings = {"login", "email"})
    void everyMessageATemplateUsesIsDefined(String type) throws IOException {
        Set<String> used = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        Pattern msg = Pattern.compile("msg\\(\"([^\"]+)\"(\\s*\\+)?");
        for (Path file : templates(type)) {
            Matcher m = msg.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                (m.group(2) == null ? used : prefixes).add(m.group(1));
            }
        }
        for (String language : List.of("fr", "en")) {
            Properties all = ThemeRenderer.messages(type, language);
            Map<String, String> missing = new HashMap<>();
            used.stream().filter(k -> !all.containsKey(k)).forEach(k -> missing.put(k, language));
            prefixes.stream().filter(p -> all.stringPropertyNames().stream().noneMatch(k -> k.startsWith(p)))
                    .forEach(p -> missing.put(p + "*", language));
            assertTrue(missing.isEmpty(), "undefined messages: " + missing);
        }
    }

    // ------------------------------------------------------------------------------------------ roles

    private static Set<String> roleIds(Properties messages, String prefix) {
        Set<String> ids = new TreeSet<>();
        messages.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).forEach(k -> ids.add(k.substring(prefix.length())));
        return ids;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void everyRoleIsNamedInBothThemesAndExplainedInTheInviteDialog(String language) throws IOException {
        Properties login = themeMessages("login", language);
        Set<String> roles = roleIds(login, "ceresRole.");
        assertEquals(new TreeSet<>(ThemeRenderer.ROLES), roles, "the roles the Java code offers today");
        assertEquals(roles, roleIds(login, "ceresRoleHelp."), "a help text per role");
        assertEquals(roles, roleIds(themeMessages("email", language), "ceresRole."), "the emails name the same roles");
    }

    @ParameterizedTest
    @ValueSource(strings = {"login", "email"})
    void noTemplateKnowsARoleByItsId(String type) throws IOException {
        Pattern roleId = Pattern.compile("[\"'](" + String.join("|", ThemeRenderer.ROLES) + ")[\"']");
        for (Path file : templates(type)) {
            Matcher m = roleId.matcher(Files.readString(file, StandardCharsets.UTF_8));
            if (m.find()) {
                fail(file + " names the role " + m.group() + ": roles come from the beans and are worded by ceres-roles.ftl");
            }
        }
    }

    @Test
    void messagesForTheJavaCodeAreDefined() throws IOException {
        for (String language : List.of("fr", "en")) {
            Properties messages = themeMessages("login", language);
            for (String key : List.of("ceresSiretUnknown", "ceresSiretClosed", "ceresInvalidSiret", "ceresInvalidPhone",
                    "ceresEmailPendingActivation", "ceresActivationResent", "ceresActivationResendCooldown", "ceresInvalidText",
                    "ceresActivationResendQuota", "ceresSiretFixed",
                    "expiredActionTokenNoSessionMessage", "expiredActionTokenSessionExistsMessage", "expiredActionMessage",
                    "invalidCodeMessage", "doRegister", "registerTitle")) {
                assertTrue(messages.containsKey(key), language + ": " + key);
            }
        }
        assertEquals("Un nouveau lien d'activation a été envoyé à a@b.fr.",
                ThemeRenderer.format(themeMessages("login", "fr"), "ceresActivationResent", java.util.Locale.FRENCH, "a@b.fr"));
    }
}
