package fr.ceres.keycloak.siret.register.remote;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.LookupResult;
import org.apache.http.client.config.RequestConfig;
import org.jboss.logging.Logger;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.util.JsonSerialization;

/**
 * A GET to a company register with what every register needs: timeouts, the 429 back-off, and any
 * trouble (I/O, timeout, 5xx, unreadable JSON) turned into {@link LookupResult.Unavailable}. The
 * register-specific part reads the other answers.
 *
 * <p>Logs name the register, the SIRET (public data) and the status; never request headers, which
 * may carry an API key.
 */
public final class UpstreamHttp {

    private static final Logger LOG = Logger.getLogger(UpstreamHttp.class);
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int FIRST_SERVER_ERROR = 500;

    private final SimpleHttp http;
    private final RetryAfterGate gate;
    private final String register;

    UpstreamHttp(SimpleHttp http, RequestConfig requestConfig, RetryAfterGate gate, String register) {
        this.http = http.withRequestConfig(requestConfig);
        this.gate = gate;
        this.register = register;
    }

    public LookupResult get(String url, Map<String, String> headers, Siret siret, AnswerReader reader) {
        if (gate.isClosed()) {
            Instant until = gate.closedUntil();
            LOG.debugf("%s: no lookup of SIRET %s, rate-limited until %s", register, siret, until);
            return new LookupResult.Unavailable("rate-limited until " + until);
        }
        LookupResult result = call(url, headers, siret, reader);
        if (result instanceof LookupResult.Unavailable unavailable) {
            LOG.warnf("%s: lookup of SIRET %s unavailable: %s", register, siret, unavailable.reason());
        }
        return result;
    }

    private LookupResult call(String url, Map<String, String> headers, Siret siret, AnswerReader reader) {
        SimpleHttpRequest request = http.doGet(url).acceptJson();
        headers.forEach(request::header);
        try (SimpleHttpResponse response = request.asResponse()) {
            int status = response.getStatus();
            if (status == TOO_MANY_REQUESTS) {
                Instant until = gate.closeAsTold(response.getFirstHeader("Retry-After"));
                return new LookupResult.Unavailable("answered 429, rate-limited until " + until);
            }
            if (status >= FIRST_SERVER_ERROR) {
                return new LookupResult.Unavailable("answered " + status);
            }
            return reader.read(new Answer(status, response.asString()));
        } catch (JsonProcessingException e) {
            return new LookupResult.Unavailable("unreadable answer: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new LookupResult.Unavailable("call failed: " + e);
        }
    }

    /** A register's answer that is neither a 429 nor a server error. */
    public record Answer(int status, String body) {

        /** The body as JSON; a missing node for an empty body. */
        public JsonNode json() throws JsonProcessingException {
            if (body == null || body.isBlank()) {
                return MissingNode.getInstance();
            }
            return JsonSerialization.mapper.readTree(body);
        }
    }

    /** Turns a register's answer into a lookup result; answers Unavailable for shapes it does not know. */
    @FunctionalInterface
    public interface AnswerReader {
        LookupResult read(Answer answer) throws JsonProcessingException;
    }
}
