package fr.ceres.keycloak.it.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every answer to a hostile request must be: there within {@link #DEADLINE}, not a server error, and with
 * no header built from the input (no injected header or cookie, no cookie attribute, no redirect to another site).
 */
public final class HostileAnswers {

    /** An answer later than this counts as none: a person's browser would still be waiting. */
    public static final Duration DEADLINE = Duration.ofSeconds(5);

    /** Markers only an input can put into a header. */
    private static final List<String> INJECTED = List.of("hostile=1", "evil.example", "max-age=999999999");

    private HostileAnswers() {
    }

    /** A request to send; it may throw what the HTTP client throws. */
    @FunctionalInterface
    public interface Exchange<T> {
        HttpResponse<T> send() throws IOException, InterruptedException;
    }

    /** Sends, and checks the answer came in time, is no server error, and carries nothing built from the input. */
    public static <T> HttpResponse<T> answer(String what, Exchange<T> exchange) throws InterruptedException {
        HttpResponse<T> answer;
        try {
            answer = exchange.send();
        } catch (HttpTimeoutException e) {
            throw new AssertionError(what + ": no answer within " + DEADLINE.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new AssertionError(what + ": the connection ended without an answer", e);
        }
        assertTrue(answer.statusCode() < 500, what + ": " + answer.statusCode()
                + (answer.body() instanceof String text ? " " + text : ""));
        for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
            assertFalse(header.getKey().equalsIgnoreCase("x-hostile"), what + ": injected header " + header);
            if (header.getKey().equalsIgnoreCase("set-cookie")) {
                for (String cookie : header.getValue()) {
                    String lower = cookie.toLowerCase(Locale.ROOT);
                    assertFalse(INJECTED.stream().anyMatch(lower::contains), what + ": cookie built from input: " + cookie);
                }
            }
        }
        answer.headers().firstValue("Location").ifPresent(location -> {
            URI target = answer.uri().resolve(location.strip());
            assertTrue(target.getHost() != null && target.getHost().equals(answer.uri().getHost()),
                    what + ": redirect to another site: " + location);
        });
        return answer;
    }
}
