package fr.ceres.keycloak.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for API Recherche d'entreprises ({@code GET /search?q=<siret>}) on a fixed loopback
 * port, answering slowly like the real one, and counting the calls it gets per SIRET.
 */
final class StubRegister implements AutoCloseable {

    static final int PORT = 18089;
    static final String BASE_URL = "http://127.0.0.1:" + PORT;
    static final String SIRET = "73282932000074";
    static final String RAISON_SOCIALE = "CENTRE DE FORMATION PROFESSIONNELLE LES TILLEULS";
    static final long DELAY_MS = 300;

    /** Shape of a recorded answer (spi-siret-attribute/src/test/resources/register/recherche). */
    private static final String FOUND = """
            {"results":[{"siren":"732829320","nom_complet":"%1$s","nom_raison_sociale":"%1$s","sigle":null,\
            "nombre_etablissements":1,"nombre_etablissements_ouverts":1,\
            "siege":{"activite_principale":"85.59A","adresse":"14 RUE DES TILLEULS 92100 BOULOGNE-BILLANCOURT",\
            "cedex":null,"code_postal":"92100","commune":"92012","complement_adresse":null,"date_creation":"1973-01-01",\
            "departement":"92","est_siege":true,"etat_administratif":"A","indice_repetition":null,\
            "latitude":"48.835797","libelle_commune":"BOULOGNE-BILLANCOURT","libelle_voie":"DES TILLEULS",\
            "longitude":"2.240193","numero_voie":"14","region":"11","siret":"%2$s","tranche_effectif_salarie":"12",\
            "type_voie":"RUE"},"activite_principale":"85.59A","categorie_entreprise":"PME","date_creation":"1973-01-01",\
            "etat_administratif":"A","nature_juridique":"9220","section_activite_principale":"P",\
            "matching_etablissements":[{"activite_principale":"85.59A",\
            "adresse":"14 RUE DES TILLEULS 92100 BOULOGNE-BILLANCOURT","commune":"92012","est_siege":true,\
            "etat_administratif":"A","liste_enseignes":null,"nom_commercial":null,"siret":"%2$s"}],\
            "complements":{"est_organisme_formation":true,"est_qualiopi":true}}],\
            "total_results":1,"page":1,"per_page":10,"total_pages":1}""".formatted(RAISON_SOCIALE, SIRET);
    private static final String EMPTY = "{\"results\":[],\"total_results\":0,\"page\":1,\"per_page\":10,\"total_pages\":0}";

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    // One thread per call: if coalescing broke, every call would be counted at once, not queued.
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpServer server;

    StubRegister() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 100);
        server.createContext("/search", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    int calls(String siret) {
        AtomicInteger count = calls.get(siret);
        return count == null ? 0 : count.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String siret = query(exchange.getRequestURI());
        calls.computeIfAbsent(siret, s -> new AtomicInteger()).incrementAndGet();
        try {
            Thread.sleep(DELAY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = (SIRET.equals(siret) ? FOUND : EMPTY).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String query(URI uri) {
        String query = uri.getQuery();
        return query != null && query.startsWith("q=") ? query.substring(2) : "";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
