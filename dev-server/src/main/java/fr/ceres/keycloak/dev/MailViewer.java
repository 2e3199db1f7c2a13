package fr.ceres.keycloak.dev;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
 *   <li>{@code GET /}: the inbox, newest first; its script ({@code GET /mail-viewer.js}) keeps it up to date
 *       without reloading the page, from {@code GET /fragments/messages} (the list alone);</li>
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

    /**
     * The viewer's own pages: its one script and the list it fetches from this server, no inline script, no outside
     * resource; the message frame comes from this server.
     */
    private static final String PAGE_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; "
            + "style-src 'unsafe-inline'; img-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";
    private static final String SITE = "Boîte mail de développement Ceres";
    private static final String SCRIPT = "/mail-viewer.js";
    private static final String LIST = "/fragments/messages";
    /**
     * A message's HTML part: sandboxed (no script, opaque origin) even when opened outside the iframe; images and
     * styles of the email (Keycloak's theme resources) may load.
     */
    private static final String MESSAGE_CSP = "sandbox allow-popups allow-popups-to-escape-sandbox; "
            + "default-src 'none'; script-src 'none'; style-src 'unsafe-inline' http: https:; img-src http: https: data:; "
            + "font-src http: https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    /** Long addresses and links wrap anywhere: no page scrolls sideways, even 320 px wide (WCAG 1.4.10). */
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1e1e1e;background:#f6f6f6;overflow-wrap:anywhere}
            .evitement{position:absolute;left:-999px}
            .evitement:focus{left:1rem;top:.5rem;background:#fff;color:#000091;padding:.5rem;z-index:1}
            header{background:#000091;color:#fff;padding:.8rem 1rem;display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem}
            header .site{font-size:1.15rem;font-weight:700;margin:0;flex:1 1 12rem}
            header a{color:#fff}
            :focus-visible{outline:3px solid #0a76f6;outline-offset:2px}
            header :focus-visible{outline-color:#fff}
            main{padding:1.2rem 1rem;max-width:70rem}
            main:focus{outline:none}
            h1{font-size:1.4rem;margin:0 0 .8rem}
            .messages{list-style:none;margin:0;padding:0}
            .messages li{background:#fff;border:1px solid #ddd;padding:.6rem .8rem;margin:0 0 .5rem}
            .objet{font-weight:600}
            .meta{margin:.25rem 0 0;color:#555;font-size:.9rem;display:flex;flex-wrap:wrap;gap:.1rem 1.2rem}
            .empty{background:#fff;padding:1.5rem;border:1px dashed #767676}
            .note{color:#555;font-size:.9rem}
            .annonce:empty{display:none}
            .annonce{background:#fff;border-left:4px solid #18753c;padding:.4rem .8rem}
            dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.3rem 1rem;background:#fff;padding:1rem;margin:0 0 1rem}
            dt{font-weight:600}
            dd{margin:0}
            pre{white-space:pre-wrap;word-break:break-word;background:#fff;padding:1rem;border:1px solid #ddd;font-size:.95rem}
            iframe{width:100%;height:40rem;border:1px solid #ddd;background:#fff;box-sizing:border-box}
            button{font:inherit;cursor:pointer}
            button[aria-pressed=true]{background:#000091;color:#fff;border:1px solid #000091}
            form{margin:0}
            """;

    private final DevMailServer mail;
    /** The inbox's script, read once from the jar. */
    private final byte[] script;
    private int port;
    private HttpServer server;
    private ExecutorService executor;

    MailViewer(DevMailServer mail, int port) {
        this.mail = mail;
        this.port = port;
        this.script = readScript();
    }

    private static byte[] readScript() {
        try (var in = MailViewer.class.getResourceAsStream("mail-viewer.js")) {
            if (in == null) {
                throw new IllegalStateException("mail-viewer.js missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                sendPage(exchange, 200, "Boîte de réception", inbox(mail.messages(), mail.port()), true);
                return;
            }
            if (LIST.equals(path)) {
                send(exchange, 200, "text/html; charset=utf-8", messageList(mail.messages()), PAGE_CSP);
                return;
            }
            if (SCRIPT.equals(path)) {
                send(exchange, 200, "text/javascript; charset=utf-8", new String(script, StandardCharsets.UTF_8), null);
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
                    sendPage(exchange, 200, subject(message), message(message), false);
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

    /**
     * The inbox: its list, and what the script needs to keep it up to date (mail-viewer.js): the pause button,
     * shown by the script, and the polite live region that announces new messages.
     */
    private static String inbox(List<Mail> messages, int smtpPort) {
        return "<p class=\"note\">Tous les emails envoyés par Keycloak (SMTP localhost:" + smtpPort + ") arrivent "
                + "ici, quel que soit le destinataire. "
                + "Pour les scripts : <a href=\"/api/messages\">/api/messages</a> (JSON).</p>"
                + "<p><button type=\"button\" id=\"pause\" aria-pressed=\"false\" aria-describedby=\"etat-actualisation\" hidden>"
                + "Mettre en pause l'actualisation</button> <span id=\"etat-actualisation\" class=\"note\"></span></p>"
                + "<p id=\"annonce\" class=\"annonce\" role=\"status\" aria-live=\"polite\"></p>"
                + messageList(messages);
    }

    /** The list of messages, newest first: in the inbox, and alone for its script ({@code GET /fragments/messages}). */
    static String messageList(List<Mail> messages) {
        StringBuilder list = new StringBuilder("<div id=\"messages\">");
        if (messages.isEmpty()) {
            return list.append("<p class=\"empty\">Aucun message reçu pour l'instant.</p></div>").toString();
        }
        list.append("<ol class=\"messages\" aria-label=\"Messages reçus, du plus récent au plus ancien\">");
        for (Mail message : messages) {
            list.append("<li data-id=\"").append(Html.escape(message.id())).append("\">")
                    .append("<a class=\"objet\" href=\"").append(Html.escape("/messages/" + message.id())).append("\">")
                    .append(Html.escape(subject(message)))
                    .append("</a><p class=\"meta\"><span>À : ").append(Html.escape(String.join(", ", message.to())))
                    .append("</span><span>De : ").append(Html.escape(message.from()))
                    .append("</span><time datetime=\"").append(Html.escape(message.received().toString())).append("\">")
                    .append(Html.escape(DATE.format(message.received()))).append("</time></p></li>");
        }
        return list.append("</ol></div>").toString();
    }

    private static String subject(Mail message) {
        return message.subject().isBlank() ? "(sans objet)" : message.subject();
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

    /**
     * A page of the viewer: its title names the page first, a skip link, the banner with the way back to the inbox
     * and « Vider la boîte », the main region with the page's heading. The inbox alone loads the script.
     */
    static String page(String title, String content, boolean inbox) {
        return "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.escape(title) + " – " + SITE + "</title><style>" + STYLE + "</style>"
                + (inbox ? "<script type=\"module\" src=\"" + SCRIPT + "\"></script>" : "")
                + "</head><body><a class=\"evitement\" href=\"#contenu\">Aller au contenu</a>"
                + "<header><p class=\"site\">" + SITE + "</p>"
                + "<nav aria-label=\"Boîte mail\"><a href=\"/\">Boîte de réception</a></nav>"
                + "<form method=\"post\" action=\"/purge\"><button type=\"submit\">Vider la boîte</button></form>"
                + "</header><main id=\"contenu\" tabindex=\"-1\"><h1>" + Html.escape(title) + "</h1>" + content
                + "</main></body></html>\n";
    }

    private static void sendPage(HttpExchange exchange, int status, String title, String content, boolean inbox)
            throws IOException {
        send(exchange, status, "text/html; charset=utf-8", page(title, content, inbox), PAGE_CSP);
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
