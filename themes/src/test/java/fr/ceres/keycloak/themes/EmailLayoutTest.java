package fr.ceres.keycloak.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fr.ceres.keycloak.themes.ThemeRenderer.User;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.theme.KeycloakSanitizerMethod;

/**
 * The HTML layout of the emails in both email themes, ceres and its child ceres-dsfr: the header, the action drawn
 * as a button with the raw link below it, markup a mail client keeps, and plain-text parts the theme does not touch.
 * Each HTML body is also written under target/email-previews/{theme}/ to be opened in a browser.
 */
class EmailLayoutTest {

    private static final String SERVICE = "Mes Démarches Emploi et Formation Professionnelle";
    private static final String MINISTRY = "Ministère du Travail, de la Santé, des Solidarités et des Familles";
    private static final String ACTIVATION_LINK =
            "https://portail.example/realms/mes-demarches/login-actions/action-token?key=a.b-c&client_id=ceres&tab_id=x";
    private static final String PORTAL = "https://portail.example/realms/mes-demarches/ceres-portal/";
    private static final String INVITATION_LINK = PORTAL + "invitation?key=a.b-c_d";
    private static final String ACCESS_LINK = PORTAL + "acces/73282932000074";
    private static final Path PREVIEWS = Paths.get("target", "email-previews");

    /** An email of the theme, rendered in French: its bodies, the link it carries, its button's label (as HTML). */
    private record Rendered(String name, Map<String, String> bodies, String link, String label) {
        String html() {
            return bodies.get("html");
        }

        String text() {
            return bodies.get("text");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Map<String, String> render(String theme, String template, String attribute, Map<String, Object> bean)
            throws Exception {
        ThemeRenderer.Email email = new ThemeRenderer.Email("fr", theme);
        email.data.put(attribute, bean);
        return email.render(template);
    }

    /** The five emails of the theme, each with a link. */
    private static List<Rendered> emails(String theme) throws Exception {
        return List.of(
                new Rendered("email-activation", ThemeRenderer.renderVerificationEmail("fr", theme,
                        new User("Marie", "Curie", "marie@example.fr"), ACTIVATION_LINK, 1440), ACTIVATION_LINK, "Activer mon compte"),
                new Rendered("email-invitation", render(theme, "ceres-invitation.ftl", "ceresInvitation", Map.of(
                        "inviter", "Guy Dupont", "role", "gestionnaire", "company", "CFI ATLANTIQUE", "link", INVITATION_LINK,
                        "expiryDate", "05/12/2026", "expiryTime", "14:30")), INVITATION_LINK, "Accepter l&#39;invitation"),
                new Rendered("email-access-request", render(theme, "ceres-access-request.ftl", "ceresAccessRequest", Map.of(
                        "requester", "Chloé Roux", "requesterEmail", "chloe@academie.fr", "requesterSiret", "73282932000074",
                        "declared", Map.of("siretVerified", true, "emailDomain", "academie.fr", "personalEmail", false),
                        "company", "ACADEMIE", "link", ACCESS_LINK)), ACCESS_LINK, "Répondre à la demande"),
                new Rendered("email-access-accepted", render(theme, "ceres-access-decision.ftl", "ceresAccessDecision", Map.of(
                        "accepted", true, "decider", "Alice Martin", "company", "ACADEMIE", "role", "centre-agree",
                        "siret", "73282932000074", "reason", "", "link", PORTAL)), PORTAL, "Accéder au portail"),
                new Rendered("email-code-reissued", render(theme, "ceres-code-reissued.ftl", "ceresCodeReissued", Map.of(
                        "centre", "ACADEMIE", "siret", "73282932000074", "reason", "Lettre perdue", "when", "01/12/2026 17:05",
                        "portal", PORTAL)), PORTAL, "Accéder au portail"));
    }

    static Stream<Arguments> everyEmailOfEveryTheme() throws Exception {
        Stream.Builder<Arguments> all = Stream.builder();
        for (String theme : ThemeRenderer.EMAIL_THEMES) {
            for (Rendered email : emails(theme)) {
                all.add(Arguments.of(theme, email));
            }
        }
        return all.build();
    }

    private static void preview(String theme, Rendered email) throws IOException {
        Path file = PREVIEWS.resolve(theme).resolve(email.name() + ".html");
        Files.createDirectories(file.getParent());
        Files.writeString(file, email.html(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyEmailOfEveryTheme")
    @DisplayName("Given an email with a link, then its HTML draws the action as a button-looking link, then writes the link out")
    void actionButtonThenRawLink(String theme, Rendered email) throws Exception {
        preview(theme, email);
        String html = email.html();
        String href = Pattern.quote(email.link().replace("&", "&amp;"));
        Matcher button = Pattern.compile("<td bgcolor=\"#[0-9a-f]{6}\" style=\"background-color:#[0-9a-f]{6};[^\"]*\">\\s*"
                + "<a href=\"" + href + "\" style=\"display:inline-block;[^\"]*color:#ffffff;text-decoration:none;\">"
                + Pattern.quote(email.label()) + "</a>").matcher(html);
        assertTrue(button.find(), "the button: " + html);
        Matcher raw = Pattern.compile("<a href=\"" + href + "\" style=\"[^\"]*\">" + href + "</a>").matcher(html);
        assertTrue(raw.find(button.end()), "the raw link, after the button: " + html);
        assertFalse(raw.find(), "the link written out once");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyEmailOfEveryTheme")
    @DisplayName("Given any email, then its HTML is what mail clients keep: tables for layout, inline styles, nothing fetched")
    void mailClientSafe(String theme, Rendered email) {
        String html = email.html();
        for (String banned : List.of("<style", "<link", "<script", "<img", " class=", "@font-face", "url(", "<div")) {
            assertFalse(html.contains(banned), banned + " in " + html);
        }
        Matcher table = Pattern.compile("<table[^>]*>").matcher(html);
        int tables = 0;
        while (table.find()) {
            tables++;
            assertTrue(table.group().contains("role=\"presentation\""), "a layout table says so to screen readers: " + table.group());
        }
        assertTrue(tables >= 3, "the column, the header, the button and the footer are tables");
        assertTrue(html.stripLeading().startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"), "readable on a phone");
        assertTrue(html.contains("max-width:600px"), "one column of 600 px at most");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyEmailOfEveryTheme")
    @DisplayName("Given any email, then its plain-text part is the same in both themes: the link written out, no button")
    void plainTextUnchanged(String theme, Rendered email) throws Exception {
        Rendered neutral = emails(ThemeRenderer.CERES).stream().filter(e -> e.name().equals(email.name())).findFirst().orElseThrow();
        assertEquals(neutral.text(), email.text());
        assertTrue(email.text().contains("\n\n" + email.link() + "\n"), email.text());
        assertFalse(email.text().contains(email.label().replace("&#39;", "'")), "no button label in the text: " + email.text());
        assertFalse(email.text().contains("<"), "no markup in the text");
    }

    @Test
    @DisplayName("Given the State theme, then the header has the block « République Française », the service and the ministry, the button is blue France and square")
    void stateIdentity() throws Exception {
        for (Rendered email : emails(ThemeRenderer.CERES_DSFR)) {
            String html = email.html();
            assertTrue(html.contains(">République<br>Française</td>"), "the block: " + html);
            assertTrue(html.contains(">" + SERVICE + "</p>"), "the service");
            assertTrue(html.contains(">" + MINISTRY + "</p>"), "the ministry line");
            assertTrue(html.contains("<td bgcolor=\"#000091\" style=\"background-color:#000091;border-radius:0;\">"), "blue France, square");
            assertTrue(html.contains("border-radius:0;font-family:Marianne, Arial, sans-serif;font-size:16px;font-weight:bold;"
                    + "line-height:24px;color:#ffffff;"), "white text in Marianne, else Arial");
            assertTrue(html.contains("border-top:2px solid #000091;"), "the footer's blue line");
            assertTrue(html.contains("Le portail des démarches des organismes de formation et des entreprises auprès du ministère"
                    + " chargé du travail et de l&#39;emploi."), "the footer line");
        }
    }

    @Test
    @DisplayName("Given the neutral theme, then the header names the service only, without the State's identity")
    void neutralIdentity() throws Exception {
        for (Rendered email : emails(ThemeRenderer.CERES)) {
            String html = email.html();
            assertTrue(html.contains(">" + SERVICE + "</td>"), "the service: " + html);
            assertTrue(html.contains("Ce message vous est envoyé par le service " + SERVICE + "."), "the footer line");
            for (String state : List.of("République", "Marianne", "#000091", MINISTRY)) {
                assertFalse(html.contains(state), state + " in " + html);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ThemeRenderer.CERES, ThemeRenderer.CERES_DSFR})
    @DisplayName("Given a refused access request, then the email has no link, hence no button")
    void noLinkNoButton(String theme) throws Exception {
        String html = render(theme, "ceres-access-decision.ftl", "ceresAccessDecision", Map.of("accepted", false,
                "decider", "Alice Martin", "company", "ACADEMIE", "role", "", "siret", "", "reason", "", "link", "")).get("html");
        assertTrue(html.contains("Alice Martin a refusé votre demande"), html);
        assertFalse(html.contains("<a "), html);
    }

    @ParameterizedTest
    @ValueSource(strings = {ThemeRenderer.CERES, ThemeRenderer.CERES_DSFR})
    @DisplayName("Given one of Keycloak's own emails, then it has the theme's layout too")
    void keycloakEmailsInTheLayout(String theme) throws Exception {
        ThemeRenderer.Email email = new ThemeRenderer.Email("fr", theme);
        email.data.put("kcSanitize", new KeycloakSanitizerMethod());
        String html = email.render("email-test.ftl").get("html");
        assertTrue(html.contains("<p>Ceci est un message de test</p>"), html);
        assertTrue(html.contains(SERVICE), html);
        assertEquals(ThemeRenderer.CERES_DSFR.equals(theme), html.contains("République<br>Française"), html);
    }

    @Test
    @DisplayName("Given an English reader, then the buttons and the footer are in English, the State's block is not translated")
    void english() throws Exception {
        ThemeRenderer.Email email = new ThemeRenderer.Email("en", ThemeRenderer.CERES_DSFR);
        email.data.put("ceresInvitation", Map.of("inviter", "Guy Dupont", "role", "gestionnaire", "company", "CFI ATLANTIQUE",
                "link", INVITATION_LINK, "expiryDate", "05/12/2026", "expiryTime", "14:30"));
        String html = email.render("ceres-invitation.ftl").get("html");
        assertTrue(html.contains(">Accept the invitation</a>"), html);
        assertTrue(html.contains("République<br>Française"), html);
        assertTrue(html.contains("The portal for training organisations and companies"), html);
        assertTrue(ThemeRenderer.renderVerificationEmail("en", ThemeRenderer.CERES, new User("A", "B", "a@b.fr"), ACTIVATION_LINK, 1440)
                .get("html").contains(">Activate my account</a>"));
    }

    /** The State theme's own messages: both languages, and every message its templates use is defined in its chain. */
    @Test
    void stateThemeMessages() throws IOException {
        Path folder = Paths.get("src/main/resources/theme/ceres-dsfr/email");
        Properties fr = ThemeRenderer.messages(ThemeRenderer.EMAIL, ThemeRenderer.CERES_DSFR, "fr");
        Properties en = ThemeRenderer.messages(ThemeRenderer.EMAIL, ThemeRenderer.CERES_DSFR, "en");
        assertEquals(keys(folder.resolve("messages/messages_fr.properties")), keys(folder.resolve("messages/messages_en.properties")));
        Pattern msg = Pattern.compile("msg\\(\"([^\"]+)\"\\)");
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".ftl")).toList()) {
                Matcher m = msg.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    assertTrue(fr.containsKey(m.group(1)) && en.containsKey(m.group(1)), file + ": " + m.group(1));
                }
            }
        }
    }

    private static TreeSet<String> keys(Path file) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
