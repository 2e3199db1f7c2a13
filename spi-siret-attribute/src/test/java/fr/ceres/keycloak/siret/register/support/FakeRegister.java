package fr.ceres.keycloak.siret.register.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A register on a loopback ephemeral port, answering every request with the current {@link Reply}. */
public final class FakeRegister implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Reply reply = Reply.empty(500);

    private FakeRegister(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static FakeRegister start() throws IOException {
        return new FakeRegister(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    public FakeRegister replying(Reply next) {
        this.reply = next;
        return this;
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    public int requestCount() {
        return requests.size();
    }

    public Request lastRequest() {
        return requests.get(requests.size() - 1);
    }

    @Override
    public void close() {
        // Interrupts handlers still dawdling past a client's timeout.
        executor.shutdownNow();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.add(new Request(exchange.getRequestURI().toString(), exchange.getRequestHeaders()));
        Reply current = reply;
        try (exchange) {
            Thread.sleep(current.delay().toMillis());
            byte[] body = current.body().getBytes(StandardCharsets.UTF_8);
            current.headers().forEach(exchange.getResponseHeaders()::add);
            if (!current.trickle().isZero()) {
                trickle(exchange, current, body);
                return;
            }
            exchange.sendResponseHeaders(current.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Chunked, one byte at a time: the client's read timeout never fires between two bytes. */
    private static void trickle(HttpExchange exchange, Reply reply, byte[] body) throws IOException, InterruptedException {
        exchange.sendResponseHeaders(reply.status(), 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (byte b : body) {
                out.write(b);
                out.flush();
                Thread.sleep(reply.trickle().toMillis());
            }
        }
    }

    /** What the register was asked: path with query, and headers. */
    public record Request(String uri, Headers headers) {
    }
}
