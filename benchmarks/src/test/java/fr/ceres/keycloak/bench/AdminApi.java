package fr.ceres.keycloak.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The few admin API calls the benchmark's data needs, over plain HTTP: the admin client would bring its own REST
 * stack into Gatling's JVM. The bootstrap administrator's token lives a minute, so a new one is taken every 30 s.
 */
final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_AGE = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String realmAdminUrl;
    private final Supplier<String> newToken;
    private String token;
    private Instant tokenTaken = Instant.MIN;

    AdminApi(String serverUrl, String realm, Supplier<String> newToken) {
        this.realmAdminUrl = serverUrl + "/admin/realms/" + realm;
        this.newToken = newToken;
    }

    /** POSTs {@code body} (any Jackson-serialisable value) and returns the id of what it created. */
    String create(String path, Object body) {
        HttpResponse<String> response = send("POST", path, body);
        return response.headers().firstValue("Location").map(l -> l.substring(l.lastIndexOf('/') + 1))
                .orElseThrow(() -> new IllegalStateException("nothing created at " + path + ": " + response.body()));
    }

    /** GETs {@code path} (a query string allowed) and returns its JSON. */
    JsonNode get(String path) {
        try {
            return JSON.readTree(send("GET", path, null).body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path, e);
        }
    }

    void put(String path, Object body) {
        send("PUT", path, body);
    }

    void post(String path, Object body) {
        send("POST", path, body);
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(realmAdminUrl + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token())
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized String token() {
        if (Instant.now().isAfter(tokenTaken.plus(TOKEN_AGE))) {
            token = newToken.get();
            tokenTaken = Instant.now();
        }
        return token;
    }
}
