package fr.ceres.keycloak.themes;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import freemarker.cache.URLTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import org.keycloak.common.util.StringPropertyReplacer;
import org.keycloak.common.util.SystemEnvProperties;
import org.keycloak.theme.KeycloakSanitizerMethod;
import org.keycloak.theme.ThemeResourcesParser;
import org.keycloak.theme.beans.AdvancedMessageFormatterMethod;
import org.keycloak.theme.beans.LinkExpirationFormatterMethod;
import org.keycloak.theme.beans.MessageFormatterMethod;

/**
 * Renders the Ceres templates the way Keycloak's FreeMarkerLoginFormsProvider / FreeMarkerEmailTemplateProvider
 * do: same FreeMarker configuration as DefaultFreeMarkerProvider, the theme chain (ceres, then keycloak.v2 and
 * base for login, keycloak and base for email; ceres-dsfr before them for its emails) read from the classpath,
 * Keycloak's msg / advancedMsg / kcSanitize / linkExpirationFormatter methods, and plain beans standing in for
 * Keycloak's request beans.
 */
final class ThemeRenderer {

    static final String LOGIN = "login";
    static final String EMAIL = "email";

    static final String CERES = "ceres";
    static final String CERES_DSFR = "ceres-dsfr";
    /** The email themes: the neutral one and its child in the State's identity, which share every email. */
    static final List<String> EMAIL_THEMES = List.of(CERES, CERES_DSFR);

    /** The role ids the Java code offers today, in its order (least power first). */
    static final List<String> ROLES = List.of("centre-agree", "gestionnaire");

    private ThemeRenderer() {
    }

    /** The chain of {@code theme}: ceres's, with ceres-dsfr (whose parent is ceres) in front. */
    static List<String> chain(String type, String theme) {
        List<String> chain = new ArrayList<>();
        if (CERES_DSFR.equals(theme)) {
            chain.add("theme/ceres-dsfr/" + type + "/");
        }
        chain.addAll(LOGIN.equals(type)
                ? List.of("theme/ceres/login/", "theme/keycloak.v2/login/", "theme/base/login/")
                : List.of("theme/ceres/email/", "theme/keycloak/email/", "theme/base/email/"));
        return chain;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        InputStream in = ThemeRenderer.class.getClassLoader().getResourceAsStream(resource);
        if (in != null) {
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    static Properties messages(String type, String language) throws IOException {
        return messages(type, CERES, language);
    }

    /** Messages of the chain, English first as Keycloak's fallback, then the language, children overriding parents. */
    static Properties messages(String type, String theme, String language) throws IOException {
        Properties messages = new Properties();
        List<String> parentsFirst = new ArrayList<>(chain(type, theme));
        Collections.reverse(parentsFirst);
        List<String> languages = "en".equals(language) ? List.of("en") : List.of("en", language);
        for (String lang : languages) {
            for (String folder : parentsFirst) {
                messages.putAll(load(folder + "messages/messages_" + lang + ".properties"));
            }
        }
        return messages;
    }

    static Properties properties(String type) throws IOException {
        return properties(type, CERES);
    }

    /** The chain's theme.properties, children overriding parents, ${env.NAME:default} resolved as Keycloak does. */
    static Properties properties(String type, String theme) throws IOException {
        Properties properties = new Properties();
        List<String> parentsFirst = new ArrayList<>(chain(type, theme));
        Collections.reverse(parentsFirst);
        for (String folder : parentsFirst) {
            properties.putAll(load(folder + "theme.properties"));
        }
        for (String name : properties.stringPropertyNames()) {
            properties.setProperty(name, StringPropertyReplacer.replaceProperties(properties.getProperty(name),
                    SystemEnvProperties.UNFILTERED::getProperty));
        }
        // Keycloak replaces ${env.NAME:default} when it loads a theme; the tests take the default, whatever the
        // machine's environment.
        properties.replaceAll((key, value) -> ENV_DEFAULT.matcher((String) value).replaceAll("$1"));
        return properties;
    }

    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env\\.[A-Za-z0-9_]+:([^}]*)}");

    static String format(Properties messages, String key, Locale locale, Object... args) {
        return new MessageFormat(messages.getProperty(key, key), locale).format(args);
    }

    /**
     * Looks a template name up in each theme of the chain, as Keycloak's ThemeTemplateLoader does through
     * Theme.getTemplate (theme/{name}/{type}/ + the name). FreeMarker resolves an import against the importing
     * template's folder before asking, so "/ceres-roles.ftl" imported from html/ or text/ asks for
     * "ceres-roles.ftl": the one at the root of the email theme.
     */
    private static final class ChainLoader extends URLTemplateLoader {
        private final List<String> chain;

        ChainLoader(List<String> chain) {
            this.chain = chain;
        }

        @Override
        protected URL getURL(String name) {
            for (String theme : chain) {
                URL url = ThemeRenderer.class.getClassLoader().getResource(theme + name);
                if (url != null) {
                    return url;
                }
            }
            return null;
        }
    }

    static String process(String type, String templateName, Map<String, Object> data) throws Exception {
        return process(type, CERES, templateName, data);
    }

    static String process(String type, String theme, String templateName, Map<String, Object> data) throws Exception {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_32);
        if (templateName.toLowerCase().endsWith(".ftl")) {
            cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        }
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setTemplateLoader(new ChainLoader(chain(type, theme)));
        Template template = cfg.getTemplate(templateName, "UTF-8");
        StringWriter out = new StringWriter();
        template.process(data, out);
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------ login pages

    /** A login page about to be rendered: fill {@link #data} and {@link #fieldErrors}, then {@link #render}. */
    static final class LoginPage {
        private final String theme;
        final String language;
        final Locale locale;
        final Properties messages;
        final Map<String, Object> data = new HashMap<>();
        final Map<String, String> fieldErrors = new HashMap<>();
        private String summary;
        private String summaryType;

        LoginPage(String language) throws IOException {
            this(language, CERES);
        }

        /** A page of the given login theme: {@link #CERES} (neutral) or {@link #CERES_DSFR}. */
        LoginPage(String language, String theme) throws IOException {
            this.theme = theme;
            this.language = language;
            this.locale = Locale.forLanguageTag(language);
            this.messages = messages(LOGIN, theme, language);
            Properties properties = properties(LOGIN, theme);
            data.put("scripts", new LinkedList<>());
            data.put("properties", properties);
            data.put("themeResources", ThemeResourcesParser.parse(properties));
            data.put("darkMode", "true".equals(properties.getProperty("darkMode")));
            data.put("realm", new Realm());
            data.put("url", new Url());
            data.put("auth", new Auth());
            data.put("locale", new LocaleBean(language));
            data.put("lang", language);
            data.put("kcSanitize", new KeycloakSanitizerMethod());
            data.put("pageId", "test");
            data.put("passwordPolicies", Map.of("length", 12));
        }

        String text(String key, Object... args) {
            return format(messages, key, locale, args);
        }

        /** A message the theme does not define (a role it does not know yet, say), as if it did. */
        LoginPage withMessage(String key, String value) {
            messages.setProperty(key, value);
            return this;
        }

        /** A page-level message, as LoginFormsProvider.setError / setInfo would add it. */
        LoginPage message(String type, String key, Object... args) {
            summary = text(key, args);
            summaryType = type;
            return this;
        }

        String render(String template) throws Exception {
            if (summary != null) {
                data.put("message", new Message(summary, summaryType));
            }
            data.put("messagesPerField", new MessagesPerField(fieldErrors));
            data.put("title", text("loginTitle", "Ceres"));
            Map<Object, Object> msgParams = new HashMap<>(data);
            msgParams.putAll(messages);
            data.put("msg", new MessageFormatterMethod(locale, msgParams));
            data.put("advancedMsg", new AdvancedMessageFormatterMethod(locale, messages));
            return process(LOGIN, theme, template, data);
        }
    }

    // ------------------------------------------------------------------------------------------ emails

    /**
     * A Ceres email about to be rendered, as the Java code's themed-mail sender does through
     * EmailTemplateProvider: put its bean in {@link #data}, then {@link #render} its text and HTML bodies.
     */
    static final class Email {
        final String theme;
        final Locale locale;
        final Properties messages;
        final Map<String, Object> data = new HashMap<>();

        Email(String language) throws IOException {
            this(language, CERES);
        }

        Email(String language, String theme) throws IOException {
            this.theme = theme;
            this.locale = Locale.forLanguageTag(language);
            this.messages = messages(EMAIL, theme, language);
            data.put("locale", locale);
            data.put("ltr", true);
            data.put("properties", properties(EMAIL, theme));
            data.put("realmName", "Ceres");
        }

        /** A message the theme does not define (a role it does not know yet, say), as if it did. */
        Email withMessage(String key, String value) {
            messages.setProperty(key, value);
            return this;
        }

        String text(String key, Object... args) {
            return format(messages, key, locale, args);
        }

        /** The bodies of text/{template} and html/{template}, keyed "text" and "html". */
        Map<String, String> render(String template) throws Exception {
            data.put("msg", new MessageFormatterMethod(locale, messages));
            return Map.of(
                    "text", process(EMAIL, theme, "text/" + template, data),
                    "html", process(EMAIL, theme, "html/" + template, data));
        }
    }

    /** The email verification, as EmailTemplateProvider.sendVerifyEmail renders it. */
    static Map<String, String> renderVerificationEmail(String language, User user, String link, long expirationInMinutes) throws Exception {
        return renderVerificationEmail(language, CERES, user, link, expirationInMinutes);
    }

    static Map<String, String> renderVerificationEmail(String language, String theme, User user, String link, long expirationInMinutes)
            throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        Properties messages = messages(EMAIL, theme, language);
        Map<String, Object> data = new HashMap<>();
        data.put("locale", locale);
        data.put("ltr", true);
        data.put("msg", new MessageFormatterMethod(locale, messages));
        data.put("kcSanitize", new KeycloakSanitizerMethod());
        data.put("properties", properties(EMAIL, theme));
        data.put("realmName", "Ceres");
        data.put("user", user);
        data.put("link", link);
        data.put("linkExpiration", expirationInMinutes);
        data.put("linkExpirationFormatter", new LinkExpirationFormatterMethod(messages, locale));
        Map<String, String> result = new LinkedHashMap<>();
        result.put("subject", format(messages, "emailVerificationSubject", locale));
        result.put("text", process(EMAIL, theme, "text/email-verification.ftl", data));
        result.put("html", process(EMAIL, theme, "html/email-verification.ftl", data));
        return result;
    }

    // ------------------------------------------------------------------------------------------ beans

    public static final class Url {
        public String getRegistrationAction() { return "/auth/realms/ceres/login-actions/registration?session_code=c&execution=e&client_id=ceres&tab_id=t"; }
        public String getLoginAction() { return "/auth/realms/ceres/login-actions/required-action?execution=VERIFY_EMAIL&client_id=ceres&tab_id=t"; }
        public String getLoginUrl() { return "/auth/realms/ceres/login-actions/authenticate?client_id=ceres&tab_id=t"; }
        public String getLoginResetCredentialsUrl() { return "/auth/realms/ceres/login-actions/reset-credentials"; }
        public String getLoginRestartFlowUrl() { return "/auth/realms/ceres/login-actions/restart"; }
        public String getResourcesPath() { return "/auth/resources/v/login/ceres"; }
        public String getResourcesCommonPath() { return "/auth/resources/v/common/keycloak"; }
        public String getSsoLoginInOtherTabsUrl() { return "/auth/realms/ceres/login-actions/switch"; }
    }

    public static final class Realm {
        public boolean isInternationalizationEnabled() { return true; }
        public boolean isRegistrationEmailAsUsername() { return true; }
        public boolean isLoginWithEmailAllowed() { return true; }
        public String getDisplayNameHtml() { return "Ceres"; }
        public String getDisplayName() { return "Ceres"; }
        public String getName() { return "ceres"; }
        public boolean isPassword() { return true; }
    }

    public static final class LocaleItem {
        private final String tag;
        private final String label;
        LocaleItem(String tag, String label) { this.tag = tag; this.label = label; }
        public String getLanguageTag() { return tag; }
        public String getLabel() { return label; }
        public String getUrl() { return "/auth/realms/ceres/login-actions/registration?kc_locale=" + tag; }
    }

    public static final class LocaleBean {
        private final String current;
        LocaleBean(String current) { this.current = current; }
        public String getCurrentLanguageTag() { return current; }
        public boolean isRtl() { return false; }
        public List<LocaleItem> getSupported() { return List.of(new LocaleItem("fr", "Français"), new LocaleItem("en", "English")); }
    }

    public static final class Auth {
        public boolean showUsername() { return false; }
        public boolean showResetCredentials() { return false; }
        public boolean showTryAnotherWayLink() { return false; }
        public String getAttemptedUsername() { return null; }
    }

    public static final class MessagesPerField {
        private final Map<String, String> errors;
        MessagesPerField(Map<String, String> errors) { this.errors = errors; }
        public boolean exists(String... fields) { for (String f : fields) { if (errors.containsKey(f)) { return true; } } return false; }
        public boolean existsError(String... fields) { return exists(fields); }
        public String get(String field) { return errors.getOrDefault(field, ""); }
        public String getFirstError(String... fields) { for (String f : fields) { if (errors.containsKey(f)) { return errors.get(f); } } return ""; }
    }

    public static final class Message {
        private final String summary;
        private final String type;
        Message(String summary, String type) { this.summary = summary; this.type = type; }
        public String getSummary() { return summary; }
        public String getType() { return type; }
    }

    public static final class Group {
        private final String name;
        Group(String name) { this.name = name; }
        public String getName() { return name; }
        public String getDisplayHeader() { return "${profile.group." + name + "}"; }
        public String getDisplayDescription() { return null; }
        public Map<String, Object> getAnnotations() { return Map.of(); }
        public Map<String, Object> getHtml5DataAnnotations() { return Map.of(); }
        @Override public String toString() { return name; }
    }

    /** A user-profile attribute as the realm declares it (see realm-export.json). */
    public static final class Attribute {
        private final String name;
        private final Group group;
        private final Map<String, Object> annotations;
        private final String value;
        Attribute(String name, Group group, Map<String, Object> annotations, String value) {
            this.name = name; this.group = group; this.annotations = annotations; this.value = value;
        }
        public String getName() { return name; }
        public String getDisplayName() { return "${profile." + name + "}"; }
        public boolean isMultivalued() { return false; }
        public String getDefaultValue() { return null; }
        public String getValue() { return value; }
        public List<String> getValues() { return value == null ? List.of() : List.of(value); }
        public boolean isRequired() { return true; }
        public boolean isReadOnly() { return false; }
        public String getAutocomplete() { return "email".equals(name) ? "email" : null; }
        public Map<String, Object> getAnnotations() { return annotations; }
        public Map<String, Object> getHtml5DataAnnotations() {
            Map<String, Object> html5 = new HashMap<>();
            annotations.forEach((k, v) -> { if (k.startsWith("kc")) { html5.put(k, v); } });
            return html5;
        }
        public Map<String, Map<String, Object>> getValidators() {
            return "civilite".equals(name) ? Map.of("options", Map.of("options", List.of("madame", "monsieur"))) : Map.of();
        }
        public Group getGroup() { return group; }
    }

    public static final class Profile {
        private final List<Attribute> attributes;
        Profile(List<Attribute> attributes) { this.attributes = attributes; }
        public List<Attribute> getAttributes() { return attributes; }
        public Map<String, Object> getHtml5DataAnnotations() {
            Map<String, Object> all = new LinkedHashMap<>();
            attributes.forEach(a -> all.putAll(a.getHtml5DataAnnotations()));
            return all;
        }
    }

    public static final class User {
        private final String firstName;
        private final String lastName;
        private final String email;
        User(String firstName, String lastName, String email) { this.firstName = firstName; this.lastName = lastName; this.email = email; }
        public String getFirstName() { return firstName; }
        public String getLastName() { return lastName; }
        public String getEmail() { return email; }
        public String getUsername() { return email; }
        public Map<String, String> getAttributes() { return Map.of(); }
    }

    /** The realm's sign-up profile: groups identifiant, entreprise, coordonnees. */
    static Profile ceresProfile(Map<String, String> values) {
        Group identifiant = new Group("identifiant");
        Group entreprise = new Group("entreprise");
        Group coordonnees = new Group("coordonnees");
        List<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("email", identifiant, Map.of("inputType", "html5-email"), values.get("email")));
        attributes.add(new Attribute("siret", entreprise, Map.of("kcSiretLookup", "on", "inputMode", "numeric",
                "inputTypeMaxlength", "17", "inputHelperTextAfter", "${profile.siret.help}"), values.get("siret")));
        attributes.add(new Attribute("raisonSociale", entreprise, Map.of(), values.get("raisonSociale")));
        attributes.add(new Attribute("adresse", entreprise, Map.of(), values.get("adresse")));
        attributes.add(new Attribute("commune", entreprise, Map.of(), values.get("commune")));
        attributes.add(new Attribute("civilite", coordonnees, Map.of("inputType", "select-radiobuttons",
                "inputOptionLabels", Map.of("madame", "${profile.civilite.madame}", "monsieur", "${profile.civilite.monsieur}")), values.get("civilite")));
        attributes.add(new Attribute("lastName", coordonnees, Map.of(), values.get("lastName")));
        attributes.add(new Attribute("firstName", coordonnees, Map.of(), values.get("firstName")));
        attributes.add(new Attribute("telephone", coordonnees, Map.of("inputType", "html5-tel"), values.get("telephone")));
        return new Profile(attributes);
    }
}
