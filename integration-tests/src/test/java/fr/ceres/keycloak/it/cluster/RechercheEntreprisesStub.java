package fr.ceres.keycloak.it.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * API Recherche d'entreprises as the nodes call it ({@code GET /search?q=<siret>}), answering from a list of
 * establishments, and counting the calls it receives in each second of the clock, as the real API does to
 * enforce its rate.
 */
final class RechercheEntreprisesStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Map<String, JsonNode> establishments;
    private final Map<Long, AtomicInteger> callsPerSecond = new ConcurrentHashMap<>();

    private RechercheEntreprisesStub(HttpServer server, Map<String, JsonNode> establishments) {
        this.server = server;
        this.establishments = establishments;
    }

    /** Started on a free port of 127.0.0.1; {@code register} holds {@code siret, raisonSociale, adresse, commune, etat}. */
    static RechercheEntreprisesStub start(Iterable<JsonNode> register) throws IOException {
        Map<String, JsonNode> establishments = new ConcurrentHashMap<>();
        register.forEach(entry -> establishments.put(entry.get("siret").asText(), entry));
        RechercheEntreprisesStub stub = new RechercheEntreprisesStub(
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), establishments);
        stub.server.createContext("/search", stub::answer);
        stub.server.setExecutor(stub.threads);
        stub.server.start();
        return stub;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The calls received so far, per second of the clock (seconds since the epoch), in order. */
    TreeMap<Long, Integer> callsPerSecond() {
        TreeMap<Long, Integer> calls = new TreeMap<>();
        callsPerSecond.forEach((second, count) -> calls.put(second, count.get()));
        return calls;
    }

    private void answer(HttpExchange exchange) throws IOException {
        callsPerSecond.computeIfAbsent(System.currentTimeMillis() / 1000, second -> new AtomicInteger()).incrementAndGet();
        String query = exchange.getRequestURI().getQuery();
        String siret = query == null ? "" : query.replaceFirst("^q=", "");
        ObjectNode answer = JSON.createObjectNode();
        JsonNode known = establishments.get(siret);
        if (known == null) {
            answer.putArray("results");
            answer.put("total_results", 0);
        } else {
            ObjectNode company = answer.putArray("results").addObject();
            company.put("nom_raison_sociale", known.get("raisonSociale").asText());
            company.putObject("siege").put("siret", siret)
                    .put("adresse", known.get("adresse").asText() + " " + known.get("commune").asText())
                    .put("etat_administratif", known.get("etat").asText());
            answer.put("total_results", 1);
        }
        byte[] body = JSON.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
