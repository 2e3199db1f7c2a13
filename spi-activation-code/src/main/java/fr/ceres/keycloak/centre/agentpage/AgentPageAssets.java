package fr.ceres.keycloak.centre.agentpage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The agent page's files, packaged beside this class and read once when the server starts. Only the files named
 * here are served: nothing else of the jar can be reached through the page's address. The page itself,
 * index.html, is a template filled for each request ({@link AgentPageTemplate}), never served as it is.
 */
final class AgentPageAssets {

    private static final String INDEX = "index.html";

    /** One file: its bytes and its Content-Type. */
    record Asset(byte[] content, String contentType) {
    }

    private static final Map<String, String> TYPES = Map.of(
            "agent.js", "text/javascript; charset=utf-8",
            "agent.css", "text/css; charset=utf-8",
            "agent-neutre.css", "text/css; charset=utf-8");

    private final AgentPageTemplate page;
    private final Map<String, Asset> assets;

    private AgentPageAssets(AgentPageTemplate page, Map<String, Asset> assets) {
        this.page = page;
        this.assets = assets;
    }

    static AgentPageAssets load() {
        Map<String, Asset> loaded = new HashMap<>();
        for (Map.Entry<String, String> type : TYPES.entrySet()) {
            loaded.put(type.getKey(), new Asset(read(type.getKey()), type.getValue()));
        }
        return new AgentPageAssets(new AgentPageTemplate(new String(read(INDEX), StandardCharsets.UTF_8)),
                Map.copyOf(loaded));
    }

    AgentPageTemplate page() {
        return page;
    }

    Optional<Asset> find(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    private static byte[] read(String name) {
        try (InputStream in = AgentPageAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("agent page file missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
