package dev.hivemind.metrics;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The admin port: {@code GET /metrics} (Prometheus text format) and {@code GET /health} (JSON; 200 when up, 503
 * otherwise), nothing else. Meant for loopback (it has no authentication, and shows counts only: no client ids, names,
 * addresses or secrets). A non-blocking server on one event loop of its own: a client that sends half a request and
 * then nothing holds a socket until the idle timeout, never a thread, so it cannot stall the health check.
 */
final class AdminServer implements AutoCloseable {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** A connection with no traffic for this long is closed (a half-sent request included). */
    static final int IDLE_TIMEOUT_SECONDS = 10;

    private final Vertx vertx;
    private final HttpServer server;
    private final String host;

    private AdminServer(Vertx vertx, HttpServer server, String host) {
        this.vertx = vertx;
        this.server = server;
        this.host = host;
    }

    /** Listens on {@code host:port} (0: any free port). */
    static AdminServer start(String host, int port, Supplier<String> metrics, Supplier<HubHealth> health)
            throws IOException {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port)
                .setIdleTimeout(IDLE_TIMEOUT_SECONDS).setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setMaxInitialLineLength(1024).setMaxHeaderSize(8192).setHandle100ContinueAutomatically(false);
        HttpServer server = vertx.createHttpServer(options).requestHandler(r -> handle(r, metrics, health));
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            vertx.close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("cannot listen on " + host + ":" + port + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            vertx.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the admin port", e);
        }
        return new AdminServer(vertx, server, host);
    }

    private static void handle(HttpServerRequest request, Supplier<String> metrics, Supplier<HubHealth> health) {
        HttpMethod method = request.method();
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
            request.response().putHeader("Allow", "GET, HEAD");
            respond(request, 405, "text/plain; charset=utf-8", "method not allowed\n");
            return;
        }
        switch (request.path()) {
            case "/metrics" -> respond(request, 200, PROMETHEUS_TEXT, metrics.get());
            case "/health" -> {
                HubHealth h = health.get();
                respond(request, h.up() ? 200 : 503, "application/json", h.toJson() + "\n");
            }
            default -> respond(request, 404, "text/plain; charset=utf-8", "not found: try /metrics or /health\n");
        }
    }

    private static void respond(HttpServerRequest request, int status, String type, String body) {
        request.response().setStatusCode(status).putHeader("Content-Type", type).putHeader("Cache-Control", "no-store");
        if (request.method().equals(HttpMethod.HEAD)) {
            request.response().putHeader("Content-Length", Integer.toString(
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)).end();
        } else {
            request.response().end(body);
        }
    }

    InetSocketAddress address() {
        return new InetSocketAddress(host, server.actualPort());
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // best effort: the event loop is a daemon thread
        }
    }
}
