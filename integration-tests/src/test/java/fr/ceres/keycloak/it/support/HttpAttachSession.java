package fr.ceres.keycloak.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person's browser without a browser: signs in to Ceres over plain HTTP (own cookies, redirects
 * followed by hand) up to the attach page, then sends its form. Lets a test have many people post
 * the form at the same instant, which real browsers on one machine cannot.
 */
public final class HttpAttachSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"([^\"]+)\"[^>]*action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    /**
     * The session's cookies, kept by hand: Keycloak marks them Secure (SameSite=None), which
     * Java's CookieManager then refuses to send over plain http, while browsers accept it on localhost.
     */
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String realmUrl;
    private String attachAction;

    public HttpAttachSession(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** Signs in to Ceres; the person has no habilitation, so Keycloak stops on the attach page. */
    public HttpAttachSession signIn(String email, String password) throws IOException, InterruptedException {
        String verifier = CeresAuthorization.randomVerifier();
        HttpResponse<String> page = follow(get(realmUrl + "/protocol/openid-connect/auth?client_id=ceres&response_type=code"
                + "&scope=openid&redirect_uri=" + CeresAuthorization.encode(CeresSignIn.REDIRECT_URI)
                + "&code_challenge_method=S256&code_challenge=" + CeresAuthorization.challenge(verifier)));
        for (int step = 0; step < 3; step++) {
            Matcher form = FORM_ACTION.matcher(page.body());
            if (!form.find()) {
                throw new AssertionError("no form on " + page.uri() + ": " + page.body());
            }
            String action = unescape(form.group(2));
            if (form.group(1).equals("ceres-attach-form")) {
                attachAction = action;
                return this;
            }
            String fields = "username=" + CeresAuthorization.encode(email)
                    + (page.body().contains("id=\"password\"") ? "&password=" + CeresAuthorization.encode(password) : "");
            page = follow(post(action, fields));
        }
        throw new AssertionError("the attach page did not come: " + page.body());
    }

    /** Sends the attach form; returns where Keycloak sends the browser next. */
    public HttpResponse<String> attach(String siret, String code) throws IOException, InterruptedException {
        HttpResponse<String> response = post(attachAction, "siret=" + CeresAuthorization.encode(siret)
                + "&code=" + CeresAuthorization.encode(code) + "&attach=");
        // A refused attempt shows the form again, with the action of the next attempt.
        Matcher form = FORM_ACTION.matcher(response.body());
        if (form.find() && form.group(1).equals("ceres-attach-form")) {
            attachAction = unescape(form.group(2));
        }
        return response;
    }

    /** Whether the answer is the redirect to the application with an authorization code. */
    public static boolean isCodeForTheApplication(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElse("");
        return response.statusCode() == 302 && location.startsWith(CeresSignIn.REDIRECT_URI) && location.contains("code=");
    }

    /** The page an answer leads to within Keycloak (its redirects followed). */
    public String pageAfter(HttpResponse<String> response) throws IOException, InterruptedException {
        return follow(response).body();
    }

    private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
            URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
            if (next.toString().startsWith(CeresSignIn.REDIRECT_URI)) {
                return current;
            }
            current = get(next.toString());
        }
        return current;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(request(url).GET());
    }

    private HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
        return send(request(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "fr-FR,fr");
        synchronized (cookies) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue()).toList()));
            }
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        synchronized (cookies) {
            for (String header : response.headers().allValues("Set-Cookie")) {
                String[] pair = header.split(";", 2)[0].split("=", 2);
                if (pair.length == 2 && !pair[1].isEmpty()) {
                    cookies.put(pair[0].strip(), pair[1]);
                } else {
                    cookies.remove(pair[0].strip());
                }
            }
        }
        return response;
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#x3D;", "=").replace("&#61;", "=");
    }
}
