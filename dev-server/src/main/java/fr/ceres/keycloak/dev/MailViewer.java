package fr.ceres.keycloak.dev;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import fr.ceres.keycloak.dev.DevMailServer.Mail;

/**
 * A small web mail viewer for the development mail server, on the loopback interface only.
 * <ul>
 *   <li>{@code GET /}: the inbox, newest first;</li>
 *   <li>{@code GET /messages/<id>}: one message, its text part (links clickable) and its HTML part in a
 *       sandboxed iframe (no script runs);</li>
 *   <li>{@code GET /messages/<id>/html}, {@code /messages/<id>/source}: the HTML part alone (sandboxed by its
 *       Content-Security-Policy), the raw message;</li>
 *   <li>{@code GET /api/messages}: the same messages as JSON, for scripts;</li>
 *   <li>{@code POST /purge}: empties the inbox.</li>
 * </ul>
 */
final class MailViewer {

    private static final Pattern MESSAGE_PATH = Pattern.compile("/messages/([0-9a-f]{16})(/html|/source)?");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.FRANCE)
            .withZone(ZoneId.systemDefault());

    /** The viewer's own pages: no script, no outside resource; the message frame comes from this server. */
    private static final String PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
            + "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    /**
     * A message's HTML part: sandboxed (no script, opaque origin) even when opened outside the iframe; images and
     * styles of the email (Keycloak's theme resources) may load.
     */
    private static final String MESSAGE_CSP = "sandbox allow-popups allow-popups-to-escape-sandbox; "
            + "default-src 'none'; script-src 'none'; style-src 'unsafe-inline' http: https:; img-src http: https: data:; "
            + "font-src http: https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1e1e1e;background:#f6f6f6}
            header{background:#000091;color:#fff;padding:.8rem 1.5rem;display:flex;align-items:center;gap:1.5rem}
            header h1{font-size:1.15rem;margin:0;flex:1}
            header a{color:#fff}
            main{padding:1.2rem 1.5rem;max-width:70rem}
            table{border-collapse:collapse;width:100%;background:#fff}
            th,td{text-align:left;padding:.45rem .7rem;border-bottom:1px solid #ddd;vertical-align:top}
            th{background:#eee;font-weight:600}
            tr:hover td{background:#f0f0ff}
            td.date{white-space:nowrap;color:#555}
            .empty{background:#fff;padding:1.5rem;border:1px dashed #aaa}
            .note{color:#555;font-size:.9rem}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;background:#fff;padding:1rem;margin:0 0 1rem}
            dt{font-weight:600}
            dd{margin:0}
            pre{white-space:pre-wrap;word-break:break-word;background:#fff;padding:1rem;border:1px solid #ddd;font-size:.95rem}
            iframe{width:100%;height:40rem;border:1px solid #ddd;background:#fff}
            button{font:inherit;cursor:pointer}
            form{margin:0}
            """;

    private final DevMailServer mail;
    private int port;
    private HttpServer server;
    private ExecutorService executor;

    MailViewer(DevMailServer mail, int port) {
        this.mail = mail;
        this.port = port;
    }

    void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (BindException e) {
            throw new DevServerException("Le port " + port + " de la boîte mail de développement est déjà utilisé.");
        } catch (IOException e) {
            throw new DevServerException("Impossible d'ouvrir le port " + port + " : " + e.getMessage());
        }
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "ceres-mail-viewer");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    /** The port listened on (the one chosen by the system when constructed with 0). */
    int port() {
        return port;
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!isLocalHost(exchange.getRequestHeaders().getFirst("Host"))) {
                // Refuses DNS-rebinding: a page of another site must not read the activation links.
                send(exchange, 421, "text/plain; charset=utf-8", "Hôte non autorisé.", null);
                return;
            }
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if ("POST".equals(method) && "/purge".equals(path)) {
                mail.purge();
                exchange.getResponseHeaders().set("Location", "/");
                exchange.sendResponseHeaders(303, -1);
                return;
            }
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "Méthode non autorisée.", null);
                return;
            }
            if ("/favicon.ico".equals(path)) {
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            if ("/".equals(path)) {
                sendPage(exchange, 200, "Boîte mail de développement", inbox(mail.messages(), mail.port()), true);
                return;
            }
            if ("/api/messages".equals(path)) {
                send(exchange, 200, "application/json; charset=utf-8", json(mail.messages()), null);
                return;
            }
            Matcher matcher = MESSAGE_PATH.matcher(path);
            if (matcher.matches()) {
                Optional<Mail> found = mail.message(matcher.group(1));
                if (found.isEmpty()) {
                    sendPage(exchange, 404, "Message introuvable",
                            "<p class=\"empty\">Ce message n'existe pas ou plus (la boîte a peut-être été vidée). "
                                    + "<a href=\"/\">Retour à la boîte de réception</a></p>", false);
                    return;
                }
                Mail message = found.get();
                String part = matcher.group(2);
                if (part == null) {
                    sendPage(exchange, 200, message.subject(), message(message), false);
                } else if ("/html".equals(part) && message.html() != null) {
                    // Opens links of the message outside the sandboxed frame, in a new tab.
                    send(exchange, 200, "text/html; charset=utf-8", "<base target=\"_blank\">" + message.html(),
                            MESSAGE_CSP);
                } else if ("/source".equals(part)) {
                    send(exchange, 200, "text/plain; charset=utf-8",
                            new String(message.source(), StandardCharsets.UTF_8), null);
                } else {
                    sendPage(exchange, 404, "Pas de version HTML",
                            "<p class=\"empty\">Ce message n'a pas de version HTML.</p>", false);
                }
                return;
            }
            sendPage(exchange, 404, "Page introuvable",
                    "<p class=\"empty\">Cette page n'existe pas. <a href=\"/\">Retour à la boîte de réception</a></p>",
                    false);
        } catch (RuntimeException e) {
            System.err.println("[boîte mail] erreur sur " + exchange.getRequestURI() + " : " + e);
            if (exchange.getResponseCode() == -1) {
                send(exchange, 500, "text/plain; charset=utf-8", "Erreur de la boîte mail de développement : " + e, null);
            }
        } finally {
            exchange.close();
        }
    }

    private boolean isLocalHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost:" + port) || name.equals("127.0.0.1:" + port) || name.equals("[::1]:" + port)
                || name.equals("localhost") || name.equals("127.0.0.1");
    }

    private static String inbox(List<Mail> messages, int smtpPort) {
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"note\">Tous les emails envoyés par Keycloak (SMTP localhost:" + smtpPort + ") arrivent "
                + "ici, quel que soit le destinataire. La page se rafraîchit toutes les 5 secondes. "
                + "Pour les scripts : <a href=\"/api/messages\">/api/messages</a> (JSON).</p>");
        if (messages.isEmpty()) {
            body.append("<p class=\"empty\">Aucun message reçu pour l'instant.</p>");
            return body.toString();
        }
        body.append("<table><thead><tr><th>Date</th><th>De</th><th>À</th><th>Objet</th></tr></thead><tbody>");
        for (Mail message : messages) {
            String href = "/messages/" + message.id();
            body.append("<tr><td class=\"date\">").append(Html.escape(DATE.format(message.received())))
                    .append("</td><td>").append(Html.escape(message.from()))
                    .append("</td><td>").append(Html.escape(String.join(", ", message.to())))
                    .append("</td><td><a href=\"").append(Html.escape(href)).append("\">")
                    .append(Html.escape(message.subject().isBlank() ? "(sans objet)" : message.subject()))
                    .append("</a></td></tr>");
        }
        body.append("</tbody></table>");
        return body.toString();
    }

    private static String message(Mail message) {
        String base = "/messages/" + message.id();
        StringBuilder body = new StringBuilder();
        body.append("<p><a href=\"/\">← Boîte de réception</a></p>");
        body.append("<dl>")
                .append("<dt>Date</dt><dd>").append(Html.escape(DATE.format(message.received()))).append("</dd>")
                .append("<dt>De</dt><dd>").append(Html.escape(message.from())).append("</dd>")
                .append("<dt>À</dt><dd>").append(Html.escape(String.join(", ", message.to()))).append("</dd>")
                .append("<dt>Objet</dt><dd>").append(Html.escape(message.subject())).append("</dd>")
                .append("</dl>");
        body.append("<h2>Version texte</h2>");
        if (message.text().isBlank()) {
            body.append("<p class=\"empty\">Ce message n'a pas de version texte.</p>");
        } else {
            body.append("<pre>").append(Html.linkify(message.text())).append("</pre>");
        }
        body.append("<h2>Version HTML</h2>");
        if (message.html() == null) {
            body.append("<p class=\"empty\">Ce message n'a pas de version HTML.</p>");
        } else {
            body.append("<p class=\"note\">Affichée dans un cadre isolé : aucun script ne s'exécute ; "
                            + "les liens s'ouvrent dans un nouvel onglet. <a href=\"")
                    .append(Html.escape(base + "/html")).append("\" target=\"_blank\" rel=\"noopener\">"
                            + "Ouvrir la version HTML seule</a></p>");
            body.append("<iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\" referrerpolicy=\"no-referrer\" "
                            + "title=\"Version HTML du message\" src=\"")
                    .append(Html.escape(base + "/html")).append("\"></iframe>");
        }
        body.append("<p class=\"note\"><a href=\"").append(Html.escape(base + "/source"))
                .append("\">Source brute du message</a></p>");
        return body.toString();
    }

    private static String json(List<Mail> messages) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < messages.size(); i++) {
            Mail message = messages.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("\n  {\"id\":").append(Html.json(message.id()))
                    .append(",\"date\":").append(Html.json(message.received().toString()))
                    .append(",\"from\":").append(Html.json(message.from()))
                    .append(",\"to\":[");
            for (int j = 0; j < message.to().size(); j++) {
                out.append(j > 0 ? "," : "").append(Html.json(message.to().get(j)));
            }
            out.append("],\"subject\":").append(Html.json(message.subject()))
                    .append(",\"text\":").append(Html.json(message.text()))
                    .append(",\"links\":[");
            List<String> links = Html.links(message.text());
            for (int j = 0; j < links.size(); j++) {
                out.append(j > 0 ? "," : "").append(Html.json(links.get(j)));
            }
            out.append("]}");
        }
        return out.append(messages.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    private static void sendPage(HttpExchange exchange, int status, String title, String content, boolean refresh)
            throws IOException {
        String page = "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + (refresh ? "<meta http-equiv=\"refresh\" content=\"5\">" : "")
                + "<title>" + Html.escape(title) + " · Ceres dev</title><style>" + STYLE + "</style></head><body>"
                + "<header><h1>" + Html.escape(title) + "</h1><a href=\"/\">Boîte de réception</a>"
                + "<form method=\"post\" action=\"/purge\"><button type=\"submit\">Vider la boîte</button></form>"
                + "</header><main>" + content + "</main></body></html>\n";
        send(exchange, status, "text/html; charset=utf-8", page, PAGE_CSP);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body, String csp)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        if (csp != null) {
            headers.set("Content-Security-Policy", csp);
        }
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
