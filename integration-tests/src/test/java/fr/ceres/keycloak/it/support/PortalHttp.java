package fr.ceres.keycloak.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's browser without a browser, on the portal's pages: its own cookies, redirects followed by
 * hand when asked. Signs in through the portal's own client ({@code ceres-portal}) as a browser would,
 * then lets a test send exactly the requests it wants (a form without its CSRF field, a JSON call…) and
 * look at the raw answer.
 */
public final class PortalHttp {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"([^\"]+)\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** HTTP/1.1 as browsers speak it over plain http (no h2c upgrade). */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** How long one request may wait for its answer. */
    private final Duration deadline;
    /** Kept by hand: Keycloak marks its cookies Secure, which Java's CookieManager will not send over http. */
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String realmUrl;
    /** Where each request really goes: the address itself, or the server a load balancer would choose for it. */
    private final UnaryOperator<URI> route;

    public PortalHttp(String realmUrl) {
        this(realmUrl, Duration.ofSeconds(30));
    }

    /** A browser that gives up on an answer after {@code deadline}. */
    public PortalHttp(String realmUrl, Duration deadline) {
        this(realmUrl, deadline, UnaryOperator.identity());
    }

    /**
     * A browser behind a load balancer: it sees one public address ({@code realmUrl}'s) and keeps one set of
     * cookies for it, while {@code route} sends each request to the server it picks.
     */
    public PortalHttp(String realmUrl, Duration deadline, UnaryOperator<URI> route) {
        this.realmUrl = realmUrl;
        this.deadline = deadline;
        this.route = route;
    }

    /** Nobody signed in. */
    public static PortalHttp anonymous(String realmUrl) {
        return new PortalHttp(realmUrl);
    }

    /** Signs in on the portal page with email and password, as the sign-in form asks; returns this. */
    public PortalHttp signIn(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = signInFrom(realmUrl + "/ceres-portal/", email, password, url -> false);
        if (!page.uri().getPath().endsWith("/ceres-portal/") || page.statusCode() != 200) {
            throw new AssertionError("not signed in: " + page.statusCode() + " " + page.uri() + " " + page.body());
        }
        return this;
    }

    /**
     * Opens {@code url} and, if Keycloak asks to sign in, answers its sign-in page: email and password on one page, as
     * the realm's browser flow asks. Redirects are followed up to one that {@code stopAt} accepts.
     */
    public HttpResponse<String> signInFrom(String url, String email, String password, Predicate<String> stopAt)
            throws IOException, InterruptedException {
        HttpResponse<String> page = follow(get(url), stopAt);
        Matcher form = FORM_ACTION.matcher(page.body());
        if (!form.find() || !form.group(1).equals("kc-form-login")) {
            return page;
        }
        if (!page.body().contains("id=\"password\"")) {
            throw new AssertionError("the sign-in page asks for the email alone: " + page.body());
        }
        return follow(post(unescape(form.group(2)), "username=" + encode(email) + "&password=" + encode(password)), stopAt);
    }

    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(request(url).GET());
    }

    public HttpResponse<String> getJson(String url) throws IOException, InterruptedException {
        return send(request(url).header("Accept", "application/json").GET());
    }

    /** Posts a form; {@code fields} are encoded here. */
    public HttpResponse<String> post(String url, Map<String, String> fields) throws IOException, InterruptedException {
        return post(url, fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&")));
    }

    /** The answer after following its redirects (within the server). */
    public HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        return follow(response, url -> false);
    }

    /** The answer after following its redirects, stopping before one to an address {@code stopAt} accepts. */
    public HttpResponse<String> follow(HttpResponse<String> response, Predicate<String> stopAt)
            throws IOException, InterruptedException {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
            URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
            if (stopAt.test(next.toString())) {
                return current;
            }
            current = get(next.toString());
        }
        return current;
    }

    /** The id and action of the first form of a page whose id is {@code formId}, the action unescaped. */
    public static Optional<String> formAction(String page, String formId) {
        Matcher form = FORM_ACTION.matcher(page);
        while (form.find()) {
            if (form.group(1).equals(formId)) {
                return Optional.of(unescape(form.group(2)));
            }
        }
        return Optional.empty();
    }

    /** Where a GET form of a page whose id is {@code formId} goes when sent: its action with its hidden fields. */
    public static Optional<String> getFormUrl(String page, String formId) {
        int start = page.indexOf("id=\"" + formId + "\"");
        int end = page.indexOf("</form>", Math.max(start, 0));
        return formAction(page, formId).filter(action -> start >= 0 && end > start).map(action -> {
            Matcher hidden = HIDDEN.matcher(page.substring(start, end));
            StringBuilder query = new StringBuilder();
            while (hidden.find()) {
                query.append(query.length() == 0 ? "" : "&").append(encode(unescape(hidden.group(1))))
                        .append('=').append(encode(unescape(hidden.group(2))));
            }
            // As a browser does: a GET form's fields replace the query of its action.
            return action.split("\\?", 2)[0] + "?" + query;
        });
    }

    /** The CSRF field of a page's forms. */
    public static String csrfOf(String page) {
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new AssertionError("no csrf field in: " + page);
        }
        return csrf.group(1);
    }

    private HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
        return send(request(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(route.apply(URI.create(url)))
                .timeout(deadline)
                .header("Accept-Language", "fr-FR,fr");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            String[] pair = header.split(";", 2)[0].split("=", 2);
            if (pair.length == 2 && !pair[1].isEmpty() && !header.toLowerCase().contains("max-age=0")) {
                cookies.put(pair[0].strip(), pair[1]);
            } else {
                cookies.remove(pair[0].strip());
            }
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#x3D;", "=").replace("&#61;", "=");
    }
}
