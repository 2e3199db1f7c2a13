package fr.ceres.keycloak.siret.register.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What the fake register answers: status, headers, body, how long it dawdles first, and the pause
 * between two bytes of the body (zero: the body at once).
 */
public record Reply(int status, Map<String, String> headers, String body, Duration delay, Duration trickle) {

    /** A recorded answer from {@code src/test/resources/register/<fixture>}. */
    public static Reply fixture(int status, String fixture) {
        return body(status, read("/register/" + fixture));
    }

    public static Reply body(int status, String body) {
        return new Reply(status, Map.of("Content-Type", "application/json"), body, Duration.ZERO, Duration.ZERO);
    }

    /** A body of another kind than JSON, e.g. a gateway's own error page. */
    public static Reply text(int status, String contentType, String body) {
        return new Reply(status, Map.of("Content-Type", contentType), body, Duration.ZERO, Duration.ZERO);
    }

    public static Reply empty(int status) {
        return new Reply(status, Map.of(), "", Duration.ZERO, Duration.ZERO);
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new Reply(status, Map.copyOf(more), body, delay, trickle);
    }

    public Reply after(Duration wait) {
        return new Reply(status, headers, body, wait, trickle);
    }

    /** Sends the headers at once, then the body one byte per {@code pause}: never silent for long, never done. */
    public Reply trickling(Duration pause) {
        return new Reply(status, headers, body, delay, pause);
    }

    private static String read(String resource) {
        try (InputStream in = Reply.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
