package fr.ceres.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import fr.ceres.keycloak.it.support.ActivatedAccounts;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.BrowserDownloads;
import fr.ceres.keycloak.it.support.CentreLetters;
import fr.ceres.keycloak.it.support.CeresServerConfig;
import fr.ceres.keycloak.it.support.FrenchBrowser;
import fr.ceres.keycloak.it.support.HttpAttachSession;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.Screenshots;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.annotations.TestSetup;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Flow F5 on the agents' page {@code /realms/mes-demarches/ceres-agent/}: a DREETS agent (realm role ceres-agent,
 * not a realm admin) signs in through Keycloak's login page, registers a centre with the form, finds it, issues its
 * code and gets the letter, imports a CSV and gets the ZIP; a person without the role is told the page is not for
 * them. Real server, real Chromium, real downloads.
 */
@KeycloakIntegrationTest(config = CeresServerConfig.class)
public class AgentPageIT {

    private static final Pattern CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    private static final String AGENT = "agent.page@dreets.gouv.fr";
    private static final String ORDINARY = "personne.page@cfa-exemple.fr";
    private static final String TILLEULS = "73282932000074";
    private static final String VAL_DE_LOIRE = "52047381000015";
    private static final String PROVENCE = "84403719200011";
    private static final String PROVENCE_GESTIONNAIRE = "gestionnaire@provence-competences.fr";

    @InjectRealm(fromJson = "/realm-export.json")
    ManagedRealm realm;

    /** The realm's SMTP settings are environment placeholders; the mail server supplies real ones. */
    @InjectMailServer
    MailServer mailServer;

    @InjectWebDriver
    ManagedWebDriver browser;

    /** The master realm's administrator: registers and issues through the agents' API like an agent. */
    @InjectAdminClient
    Keycloak admin;

    private final Screenshots screenshots = new Screenshots("agent");

    /** Public, as the framework calls it by reflection. */
    @TestSetup
    public void agentAndOrdinaryUser() {
        String agentId = ActivatedAccounts.create(realm, AGENT);
        RoleRepresentation agentRole = realm.admin().roles().get("ceres-agent").toRepresentation();
        realm.admin().users().get(agentId).roles().realmLevel().add(List.of(agentRole));
        ActivatedAccounts.create(realm, ORDINARY);
    }

    @Test
    @DisplayName("Given an agent on the page, then they sign in, register a centre, find it, get its letter with the code, and import a CSV into a ZIP")
    void agentWorksOnThePage() throws Exception {
        WebDriver driver = openSignedIn(AGENT, "01-connexion-agent");
        BrowserDownloads downloads = BrowserDownloads.into(driver, "agent-page");
        visible(driver, By.id("outils"));
        assertEquals("fr", driver.findElement(By.tagName("html")).getAttribute("lang"));
        // The realm's login theme is ceres-dsfr: its DSFR files, served by Keycloak, reach the page.
        assertTrue(String.valueOf(((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(document.body).fontFamily")).contains("Marianne"), "the DSFR's font");
        // The DSFR writes the Marianne block in capitals.
        assertEquals("RÉPUBLIQUE\nFRANÇAISE", driver.findElement(By.cssSelector(".fr-header .fr-logo")).getText());
        assertTrue(driver.findElement(By.id("deconnexion")).getText().contains("Se déconnecter"));
        screenshots.take(driver, "02-page-agent");

        // A refusal of the API is shown next to the form, in the API's French.
        fill(driver, "siret", "12345678900000");
        fill(driver, "reference", "AGR-92-2019-0001");
        driver.findElement(By.cssSelector("#form-enregistrer button[type=submit]")).click();
        WebElement registerError = visible(driver, By.id("erreur-enregistrer"));
        assertTrue(registerError.getText().contains("SIRET mal formé"), registerError.getText());
        screenshots.take(driver, "03-erreur-enregistrement");

        fill(driver, "siret", "732 829 320 00074");
        fill(driver, "reference", "AGR-92-2019-0001");
        driver.findElement(By.cssSelector("#form-enregistrer button[type=submit]")).click();
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("annonce"), "enregistré"));
        assertFalse(driver.findElement(By.id("erreur-enregistrer")).isDisplayed());
        screenshots.take(driver, "04-centre-enregistre");

        fill(driver, "recherche", "tilleuls");
        driver.findElement(By.cssSelector("#form-recherche button[type=submit]")).click();
        String rowText = rowWith(driver, TILLEULS, "Sans code");
        assertTrue(rowText.contains("CENTRE DE FORMATION PROFESSIONNELLE LES TILLEULS"), rowText);
        assertTrue(rowText.contains("92100 BOULOGNE-BILLANCOURT"), rowText);
        screenshots.take(driver, "05-recherche");
        fitsNarrowScreens(driver);

        driver.findElement(By.cssSelector(row(TILLEULS) + " button")).click();
        String letter = pdfText(downloads.await("lettre-" + TILLEULS + ".pdf"));
        assertTrue(letter.contains(TILLEULS), letter);
        assertTrue(CODE.matcher(letter).find(), "an activation code in the letter: " + letter);
        String issued = rowWith(driver, TILLEULS, "Réémettre le code");
        assertTrue(issued.contains("Code émis, en attente d’activation"), issued);
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("annonce"), "lettre-" + TILLEULS));
        screenshots.take(driver, "06-code-emis");

        // Re-issuing asks first, saying the old code stops working; cancelling issues nothing.
        driver.findElement(By.cssSelector(row(TILLEULS) + " button")).click();
        WebElement dialog = visible(driver, By.id("confirmation"));
        assertTrue(dialog.getText().contains("cessera de fonctionner"), dialog.getText());
        screenshots.take(driver, "07-confirmation-reemission");
        driver.findElement(By.id("confirmation-non")).click();
        wait(driver).until(ExpectedConditions.invisibilityOf(dialog));

        Path csv = Path.of("target", "downloads", "centres-agent-page.csv").toAbsolutePath();
        Files.writeString(csv, "siret;reference_agrement;sites_lies\n" + VAL_DE_LOIRE + ";AGR-37-2019-0002;\n"
                + TILLEULS + ";AGR-92-2019-0001;\n", StandardCharsets.UTF_8);
        driver.findElement(By.id("fichier")).sendKeys(csv.toString());
        driver.findElement(By.cssSelector("#form-import button[type=submit]")).click();
        Map<String, byte[]> zip = unzip(downloads.await("lettres-centres.zip"));
        assertTrue(zip.containsKey("rapport.csv"), zip.keySet().toString());
        assertTrue(zip.containsKey("lettre-" + VAL_DE_LOIRE + ".pdf"), zip.keySet().toString());
        String report = new String(zip.get("rapport.csv"), StandardCharsets.UTF_8);
        assertTrue(report.contains(VAL_DE_LOIRE + ";AGR-37-2019-0002;emis"), report);
        assertTrue(report.contains(TILLEULS + ";AGR-92-2019-0001;deja-emis"), report);
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("resultat-import"), "importé"));
        screenshots.take(driver, "08-import");
    }

    @Test
    @DisplayName("Given an active centre whose SIRET had many failed codes, then the page marks it, and re-issuing asks for a reason the gestionnaire is emailed")
    void activeCentreNeedsAReason() throws Exception {
        CentreLetters letters = new CentreLetters(realm.getBaseUrl(), () -> admin.tokenManager().getAccessTokenString());
        String code = letters.registerAndIssue(PROVENCE);
        for (String who : List.of("a", "b")) {
            String email = "essais-" + who + "@provence.fr";
            ActivatedAccounts.create(realm, email);
            HttpAttachSession person = new HttpAttachSession(realm.getBaseUrl()).signIn(email, Applicant.PASSWORD);
            for (int attempt = 0; attempt < 5; attempt++) {
                person.attach(PROVENCE, "0000-0000-0000");
            }
        }
        ActivatedAccounts.create(realm, PROVENCE_GESTIONNAIRE);
        HttpAttachSession holder = new HttpAttachSession(realm.getBaseUrl()).signIn(PROVENCE_GESTIONNAIRE, Applicant.PASSWORD);
        assertTrue(HttpAttachSession.isCodeForTheApplication(holder.attach(PROVENCE, code)), "the letter's holder attaches");

        WebDriver driver = openSignedIn(AGENT, "11-connexion-agent");
        BrowserDownloads downloads = BrowserDownloads.into(driver, "agent-page-reemission");
        visible(driver, By.id("outils"));
        fill(driver, "recherche", PROVENCE);
        driver.findElement(By.cssSelector("#form-recherche button[type=submit]")).click();
        String rowText = rowWith(driver, PROVENCE, "Tentatives suspectes");
        assertTrue(rowText.contains("10 codes erronés en 24 h"), rowText);
        screenshots.take(driver, "12-alerte-tentatives");

        driver.findElement(By.cssSelector(row(PROVENCE) + " button")).click();
        WebElement dialog = visible(driver, By.id("confirmation"));
        assertTrue(dialog.getText().contains("Ce centre est actif : 1 gestionnaire le gère déjà."), dialog.getText());
        visible(driver, By.id("motif"));
        driver.findElement(By.id("confirmation-oui")).click();
        WebElement missing = visible(driver, By.id("erreur-motif"));
        assertTrue(missing.getText().contains("Indiquez le motif"), missing.getText());
        screenshots.take(driver, "13-motif-demande");

        fill(driver, "motif", "Lettre perdue par le centre");
        driver.findElement(By.id("confirmation-oui")).click();
        String letter = pdfText(downloads.await("lettre-" + PROVENCE + ".pdf"));
        assertTrue(CODE.matcher(letter).find(), letter);
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("annonce"), "informés par email"));
        Mailbox.Mail mail = new Mailbox(mailServer).awaitMessage(PROVENCE_GESTIONNAIRE, 1);
        assertTrue(mail.text().contains("Lettre perdue par le centre"), mail.text());
        screenshots.take(driver, "14-code-reemis");
    }

    @Test
    @DisplayName("Given a person without the ceres-agent role, then the page says it is reserved to DREETS agents")
    void ordinaryUserIsTurnedAway() {
        WebDriver driver = openSignedIn(ORDINARY, "01-connexion-personne");
        WebElement message = visible(driver, By.id("erreur-page"));
        assertEquals("Cette page est réservée aux agents DREETS.", message.getText());
        assertFalse(driver.findElement(By.id("outils")).isDisplayed());
        screenshots.take(driver, "09-page-reservee");

        driver.findElement(By.id("deconnexion")).click();
        wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("etat-page"),
                "Vous êtes déconnecté(e)."));
        assertTrue(driver.findElement(By.id("se-connecter")).isDisplayed());
        screenshots.take(driver, "10-deconnecte");
    }

    @Test
    @DisplayName("Given the page's address, then its files come with their type and a strict Content-Security-Policy, nothing else of the jar is served, and the address without slash redirects")
    void servesItsFilesOnly() throws Exception {
        String page = realm.getBaseUrl() + "/ceres-agent/";
        Map<String, String> types = Map.of("", "text/html", "agent.js", "text/javascript", "agent.css", "text/css",
                "agent-neutre.css", "text/css");
        for (Map.Entry<String, String> type : types.entrySet()) {
            HttpResponse<String> response = get(page + type.getKey());
            assertEquals(200, response.statusCode(), type.getKey());
            assertEquals(type.getValue(), response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.startsWith("default-src 'self'; connect-src 'self';"), policy);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
        String html = get(page).body();
        assertTrue(html.contains("<html lang=\"fr\""), html);
        assertTrue(html.contains("<title>Centres agréés et codes d’activation – Espace agents DREETS – "), html);
        assertFalse(html.contains("<script>") || html.contains("onclick") || html.contains("style="),
                "no inline script, handler or style");
        assertFalse(Pattern.compile("<(script|link|img)[^>]*(src|href)=\"(https?:)?//").matcher(html).find(),
                "no resource from another site");
        // The login theme's DSFR files, at the address Keycloak serves them at.
        Matcher core = Pattern.compile("href=\"(/[^\"]*/login/ceres-dsfr/dsfr/core/core\\.min\\.css)\"").matcher(html);
        assertTrue(core.find(), html);
        HttpResponse<String> css = get(URI.create(page).resolve(core.group(1)).toString());
        assertEquals(200, css.statusCode(), core.group(1));
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"), core.group(1));
        assertFalse(html.contains("agent-neutre.css"), "the DSFR look, not the plain one");
        assertEquals(404, get(page + "index.html").statusCode(), "the template is not served as it is");
        assertEquals(404, get(page + "AgentPageResource.class").statusCode());
        assertNotEquals(200, get(page + "..%2F..%2FMETA-INF%2Fbeans.xml").statusCode());
        HttpResponse<String> noSlash = get(realm.getBaseUrl() + "/ceres-agent");
        assertEquals(301, noSlash.statusCode());
        assertEquals(page, noSlash.headers().firstValue("Location").orElse(""));
    }

    /**
     * At 375 and 320 px wide, the page with the centres' table does not scroll sideways (WCAG 1.4.10): the table
     * scrolls inside its own region.
     */
    private void fitsNarrowScreens(WebDriver driver) {
        Dimension desktop = driver.manage().window().getSize();
        try {
            for (int width : new int[] {375, 320}) {
                driver.manage().window().setSize(new Dimension(width, 800));
                wait(driver).until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth")).intValue() == width);
                @SuppressWarnings("unchecked")
                List<Number> widths = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                        "const region = document.querySelector('#centres-zone .fr-table__container');"
                                + "return [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
                                + " region.scrollWidth, region.clientWidth];");
                System.out.printf("agent page at %d px: document %d px in %d px; table %d px in its region of %d px%n",
                        width, widths.get(0).intValue(), widths.get(1).intValue(), widths.get(2).intValue(), widths.get(3).intValue());
                assertTrue(widths.get(0).intValue() <= widths.get(1).intValue(), width + " px: " + widths);
                screenshots.take(driver, "05-recherche-" + width + "px");
            }
        } finally {
            driver.manage().window().setSize(desktop);
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the page in a fresh browser session and signs in on Keycloak's login page (email and password). */
    private WebDriver openSignedIn(String email, String loginShot) {
        WebDriver driver = FrenchBrowser.of(browser.driver());
        String page = realm.getBaseUrl() + "/ceres-agent/";
        driver.get(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.manage().deleteAllCookies();
        driver.get(page);
        WebElement username = visible(driver, By.id("username"));
        screenshots.take(driver, loginShot);
        username.sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(Applicant.PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        wait(driver).until(ExpectedConditions.urlToBe(page));
        wait(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.id("etat-page")));
        return driver;
    }


    private static String row(String siret) {
        return "#centres-lignes tr[data-siret='" + siret + "']";
    }

    /** The text of the centre's row once it shows {@code expected}: the table is drawn again after each action. */
    private static String rowWith(WebDriver driver, String siret, String expected) {
        return wait(driver).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "row " + siret + " showing " + expected)
                .until(d -> d.findElements(By.cssSelector(row(siret))).stream()
                        .map(WebElement::getText)
                        .filter(text -> text.contains(expected))
                        .findFirst().orElse(null));
    }

    private static void fill(WebDriver driver, String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private static WebElement visible(WebDriver driver, By by) {
        return wait(driver).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                assertTrue(seen.add(entry.getName()), "one entry per name: " + entry.getName());
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
