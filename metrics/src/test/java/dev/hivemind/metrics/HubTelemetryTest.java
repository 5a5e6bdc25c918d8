package dev.hivemind.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The admin port over real HTTP on loopback: {@code /metrics} in Prometheus text with the JVM's meters and those of a
 * Vert.x instance built while the telemetry is active; {@code /health} 200 or 503 as the hub is up or not; anything
 * else 404, and only GET and HEAD.
 */
class HubTelemetryTest {
    private record Response(int status, String body) {
    }

    private static Response request(String method, InetSocketAddress admin, String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + admin.getPort() + path).toURL()
                .openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(5000);
        c.setReadTimeout(5000);
        int status = c.getResponseCode();
        var in = status < 400 ? c.getInputStream() : c.getErrorStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        c.disconnect();
        return new Response(status, body);
    }

    @Test
    void theMetricsEndpointServesTheJvmsAndVertxsMeters() throws Exception {
        try (HubTelemetry telemetry = HubTelemetry.start()) {
            Vertx vertx = Vertx.vertx();
            try {
                HttpServer http = vertx.createHttpServer().requestHandler(r -> r.response().end("ok"))
                        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                assertTrue(vertx.isMetricsEnabled(), "a Vert.x built while the telemetry is active is metered");
                InetSocketAddress served = new InetSocketAddress("127.0.0.1", http.actualPort());
                assertEquals(200, request("GET", served, "/").status());

                InetSocketAddress admin = telemetry.serve("127.0.0.1", 0,
                        () -> new HubHealth(true, Map.of("websocket", "127.0.0.1:5678"), 1, 0));
                Response metrics = request("GET", admin, "/metrics");
                assertEquals(200, metrics.status());
                for (String meter : new String[] {"jvm_memory_used_bytes", "process_resident_memory_bytes",
                        "jvm_threads_live_threads", "vertx_http_server_requests_total"}) {
                    assertTrue(metrics.body().contains(meter), meter + " in:\n" + metrics.body());
                }
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void healthSaysUpOrDownAndOtherRequestsAreRefused() throws Exception {
        AtomicBoolean up = new AtomicBoolean(true);
        try (HubTelemetry telemetry = HubTelemetry.start()) {
            InetSocketAddress admin = telemetry.serve("127.0.0.1", 0,
                    () -> new HubHealth(up.get(), Map.of("tcp", "127.0.0.1:5680"), 3, 1));
            Response health = request("GET", admin, "/health");
            assertEquals(200, health.status());
            assertEquals("{\"status\":\"UP\",\"sessions\":3,\"pending\":1,\"transports\":{\"tcp\":\"127.0.0.1:5680\"}}\n",
                    health.body());
            up.set(false);
            assertEquals(503, request("GET", admin, "/health").status());
            assertEquals(404, request("GET", admin, "/admin").status());
            assertEquals(405, request("POST", admin, "/metrics").status());
        }
    }
}
