package fr.ceres.keycloak.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** The real SMTP server and the real viewer, on free loopback ports, driven over SMTP and HTTP. */
class MailViewerTest {

    private static final Pattern MESSAGE_LINK = Pattern.compile("href=\"(/messages/[0-9a-f]{16})\"");

    private DevMailServer mail;
    private MailViewer viewer;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        mail = new DevMailServer("127.0.0.1", 0);
        mail.start();
        viewer = new MailViewer(mail, 0);
        viewer.start();
    }

    @AfterEach
    void stop() {
        viewer.stop();
        mail.stop();
    }

    @Test
    void showsReceivedMessagesEscapedWithTheirHtmlPartSandboxed() throws Exception {
        send("marie@example.org", "Activez <b>votre</b> compte",
                "Bonjour,\nhttp://localhost:8080/activer?key=abc&x=1\n<script>alert(1)</script>",
                "<p>Bonjour <a href=\"http://localhost:8080/activer\">activer</a></p><script>alert(2)</script>");

        HttpResponse<String> inbox = get("/");
        assertEquals(200, inbox.statusCode());
        assertTrue(inbox.body().contains("Activez &lt;b&gt;votre&lt;/b&gt; compte"), inbox.body());
        assertTrue(inbox.body().contains("marie@example.org"));
        assertTrue(inbox.body().contains("<html lang=\"fr\">"));
        Matcher link = MESSAGE_LINK.matcher(inbox.body());
        assertTrue(link.find(), inbox.body());
        String path = link.group(1);

        HttpResponse<String> page = get(path);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<a href=\"http://localhost:8080/activer?key=abc&amp;x=1\""), page.body());
        assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(page.body().contains("<script>"));
        assertTrue(page.body().contains("<iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\""));

        HttpResponse<String> html = get(path + "/html");
        assertEquals(200, html.statusCode());
        String csp = html.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.startsWith("sandbox "), csp);
        assertTrue(csp.contains("script-src 'none'"), csp);
        assertFalse(csp.contains("allow-scripts"), csp);

        HttpResponse<String> api = get("/api/messages");
        assertEquals(200, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(api.body().contains("\"to\":[\"marie@example.org\"]"), api.body());
        assertTrue(api.body().contains("\"subject\":\"Activez \\u003cb\\u003evotre\\u003c/b\\u003e compte\""));
        assertTrue(api.body().contains("\"links\":[\"http://localhost:8080/activer?key=abc\\u0026x=1\"]"), api.body());

        assertEquals(404, get("/messages/0123456789abcdef").statusCode());
        assertEquals(404, get("/nothing").statusCode());
    }

    @Test
    void inboxKeepsItselfUpToDateWithoutReloading() throws Exception {
        HttpResponse<String> empty = get("/");
        String page = empty.body();
        assertFalse(page.contains("http-equiv=\"refresh\""), "no reload of the whole page");
        assertTrue(page.contains("<title>Boîte de réception – Boîte mail de développement Ceres</title>"), page);
        assertTrue(page.contains("<a class=\"evitement\" href=\"#contenu\">Aller au contenu</a>"), "skip link");
        assertTrue(page.contains("<header>") && page.contains("<nav aria-label=\"Boîte mail\">")
                && page.contains("<main id=\"contenu\" tabindex=\"-1\"><h1>Boîte de réception</h1>"), "landmarks");
        assertTrue(page.contains("<script type=\"module\" src=\"/mail-viewer.js\"></script>"), page);
        assertTrue(page.contains("<button type=\"button\" id=\"pause\" aria-pressed=\"false\""), "pause button");
        assertTrue(page.contains("<p id=\"annonce\" class=\"annonce\" role=\"status\" aria-live=\"polite\"></p>"), "live region");
        assertTrue(page.contains("Aucun message reçu pour l'instant."), page);
        String csp = empty.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("connect-src 'self'"), csp);

        HttpResponse<String> script = get("/mail-viewer.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(script.body().contains("'/fragments/messages'") && script.body().contains("aria-pressed"), script.body());

        send("jeanne@example.org", "Invitation <à> rejoindre", "Bonjour", null);
        HttpResponse<String> list = get("/fragments/messages");
        assertEquals(200, list.statusCode());
        String fragment = list.body();
        assertTrue(fragment.startsWith("<div id=\"messages\"><ol class=\"messages\""), fragment);
        assertTrue(fragment.contains(">Invitation &lt;à&gt; rejoindre</a>"), "escaped subject");
        assertTrue(fragment.contains("<span>À : jeanne@example.org</span>"), fragment);
        assertTrue(fragment.matches("(?s).*<li data-id=\"[0-9a-f]{16}\">.*"), "each message carries its id");
        assertFalse(fragment.contains("<html") || fragment.contains("<script"), "the list alone");
        assertTrue(get("/").body().contains(fragment), "the inbox shows the same list");

        Matcher link = MESSAGE_LINK.matcher(fragment);
        assertTrue(link.find(), fragment);
        String message = get(link.group(1)).body();
        assertTrue(message.contains("<title>Invitation &lt;à&gt; rejoindre – Boîte mail de développement Ceres</title>"), message);
        assertFalse(message.contains("mail-viewer.js"), "only the inbox refreshes");
    }

    @Test
    void listsNewestFirstAndEmptiesOnPurge() throws Exception {
        send("a@example.org", "premier", "1", null);
        Thread.sleep(20);
        send("b@example.org", "second", "2", null);

        String body = get("/api/messages").body();
        assertTrue(body.indexOf("second") < body.indexOf("premier"), body);

        HttpResponse<String> purge = http.send(HttpRequest.newBuilder(uri("/purge"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, purge.statusCode());
        assertEquals("[]", get("/api/messages").body().trim());
    }

    @Test
    void refusesOtherHostNames() throws IOException {
        // A page of another site reaching the viewer through DNS rebinding carries its own host name.
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), viewer.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/messages HTTP/1.1\r\nHost: attacker.example:" + viewer.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 421"), response);
        }
    }

    private void send(String to, String subject, String text, String html) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(mail.port()));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("no-reply@mes-demarches.test", "Mes Démarches", "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        if (html == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text, "UTF-8");
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setContent(html, "text/html; charset=UTF-8");
            alternative.addBodyPart(textPart);
            alternative.addBodyPart(htmlPart);
            message.setContent(alternative);
        }
        Transport.send(message);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + viewer.port() + path);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
