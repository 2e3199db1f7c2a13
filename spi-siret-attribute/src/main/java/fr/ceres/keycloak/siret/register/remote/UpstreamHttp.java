package fr.ceres.keycloak.siret.register.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.LookupResult;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpHeaders;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.jboss.logging.Logger;
import org.keycloak.util.JsonSerialization;

/**
 * A GET to a company register with what every register needs: timeouts, a total deadline, a User-Agent that
 * says who calls, the 429 back-off, and any trouble (I/O, timeout, deadline, 5xx, oversized or unreadable
 * answer) turned into {@link LookupResult.Unavailable}. The register-specific part reads the other answers.
 *
 * <p>Why a deadline besides the timeouts: the read timeout is the silence allowed between two bytes, so a
 * register (or a proxy) that trickles its answer would hold the sign-up for as long as it trickles. When the
 * deadline passes, the request is aborted (Apache HttpClient's {@code abort()} closes the connection from
 * another thread, whatever the call is waiting for).
 *
 * <p>Logs name the register, the SIRET (public data) and the status; never request headers, which
 * may carry an API key.
 */
public final class UpstreamHttp {

    private static final Logger LOG = Logger.getLogger(UpstreamHttp.class);
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int FIRST_SERVER_ERROR = 500;
    /** One establishment's answer is a few kilobytes; a search page of ten companies some tens. */
    static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private final CloseableHttpClient http;
    private final RequestConfig requestConfig;
    private final Duration deadline;
    private final String userAgent;
    private final RetryAfterGate gate;
    private final String register;
    private final RegisterMetrics metrics;

    UpstreamHttp(CloseableHttpClient http, RequestConfig requestConfig, Duration deadline, String userAgent,
                 RetryAfterGate gate, String register, RegisterMetrics metrics) {
        this.http = http;
        this.requestConfig = requestConfig;
        this.deadline = deadline;
        this.userAgent = userAgent;
        this.gate = gate;
        this.register = register;
        this.metrics = metrics;
    }

    public LookupResult get(String url, Map<String, String> headers, Siret siret, AnswerReader reader) {
        if (gate.isClosed()) {
            Instant until = gate.closedUntil();
            LOG.debugf("%s: no lookup of SIRET %s, rate-limited until %s", register, siret, until);
            metrics.unavailable();
            return new LookupResult.Unavailable("rate-limited until " + until);
        }
        LookupResult result = call(request(url, headers), reader);
        if (result instanceof LookupResult.Unavailable unavailable) {
            LOG.warnf("%s: lookup of SIRET %s unavailable: %s", register, siret, unavailable.reason());
            metrics.unavailable();
        }
        return result;
    }

    private HttpGet request(String url, Map<String, String> headers) {
        HttpGet get = new HttpGet(url);
        get.setConfig(requestConfig);
        get.setHeader(HttpHeaders.ACCEPT, ContentType.APPLICATION_JSON.getMimeType());
        get.setHeader(HttpHeaders.USER_AGENT, userAgent);
        headers.forEach(get::setHeader);
        return get;
    }

    private LookupResult call(HttpGet get, AnswerReader reader) {
        // Runs get.abort() when the deadline passes, unless cancelled first (a cancelled task never runs).
        CompletableFuture<Void> abortAtDeadline = CompletableFuture.runAsync(get::abort,
                CompletableFuture.delayedExecutor(deadline.toMillis(), TimeUnit.MILLISECONDS));
        try (CloseableHttpResponse response = http.execute(get)) {
            int status = response.getStatusLine().getStatusCode();
            if (status == TOO_MANY_REQUESTS) {
                metrics.rateLimited();
                Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
                Instant until = gate.closeAsTold(retryAfter == null ? null : retryAfter.getValue());
                return new LookupResult.Unavailable("answered 429, rate-limited until " + until);
            }
            if (status >= FIRST_SERVER_ERROR) {
                return new LookupResult.Unavailable("answered " + status);
            }
            String body = body(response.getEntity(), get);
            if (body == null) {
                return new LookupResult.Unavailable("answer larger than " + MAX_ANSWER_BYTES + " bytes");
            }
            return reader.read(new Answer(status, body));
        } catch (JsonProcessingException e) {
            return new LookupResult.Unavailable("unreadable answer: " + e.getOriginalMessage());
        } catch (IOException e) {
            if (get.isAborted()) {
                return new LookupResult.Unavailable("no complete answer within " + deadline.toMillis() + " ms");
            }
            return new LookupResult.Unavailable("call failed: " + e);
        } finally {
            abortAtDeadline.cancel(false);
        }
    }

    /** The answer's text, in its declared charset (UTF-8 otherwise); null when larger than the bound. */
    private static String body(HttpEntity entity, HttpGet get) throws IOException {
        if (entity == null) {
            return "";
        }
        byte[] bytes;
        try (InputStream in = entity.getContent()) {
            bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (bytes.length > MAX_ANSWER_BYTES) {
                // Closing a half-read answer would read the rest of it: drop the connection first.
                get.abort();
                return null;
            }
        }
        ContentType type = ContentType.get(entity);
        Charset charset = type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        return new String(bytes, charset);
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
