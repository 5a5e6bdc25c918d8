package dev.hivemind.metrics;

import dev.hivemind.engine.hub.Hub;
import dev.hivemind.engine.hub.HubObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The hub's events as Micrometer meters (names as Prometheus shows them):
 * <ul>
 *   <li>{@code hivemind_connections_total{transport}}: connections admitted;</li>
 *   <li>{@code hivemind_admissions_refused_total{transport,reason}}: connections refused before a session;</li>
 *   <li>{@code hivemind_handshakes_total{method,outcome}}: handshakes by auth method and outcome;</li>
 *   <li>{@code hivemind_handshake_seconds{method}}: time from connection to session, a histogram;</li>
 *   <li>{@code hivemind_messages_in_total{type}}, {@code hivemind_messages_refused_total{type}},
 *       {@code hivemind_messages_out_total{type}}: application messages by HiveMind type;</li>
 *   <li>{@code hivemind_sessions_closed_total{transport}}: established sessions that ended;</li>
 *   <li>gauges {@code hivemind_sessions} (established), {@code hivemind_handshakes_pending},
 *       {@code hivemind_worker_tasks_queued}, {@code hivemind_worker_tasks_in_flight} and the counter
 *       {@code hivemind_worker_tasks_rejected_total} (pool full: close 1013).</li>
 * </ul>
 * Micrometer caches each meter by name and tags, so an event costs a map look-up and an add.
 */
public final class HubMeters implements HubObserver {
    private static final Duration[] HANDSHAKE_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};

    private final MeterRegistry registry;

    private HubMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the hub's gauges in {@code registry} and makes the hub report its events there. */
    public static HubMeters bind(Hub hub, MeterRegistry registry) {
        HubMeters meters = new HubMeters(registry);
        Gauge.builder("hivemind.sessions", hub, h -> h.openSessions() - h.pendingHandshakes())
                .description("established sessions").register(registry);
        Gauge.builder("hivemind.handshakes.pending", hub, Hub::pendingHandshakes)
                .description("connections still in their handshake").register(registry);
        Gauge.builder("hivemind.worker.tasks.queued", hub, h -> h.workers().queued())
                .description("handshake steps (PBKDF2, RSA) waiting for a worker thread").register(registry);
        Gauge.builder("hivemind.worker.tasks.in.flight", hub, h -> h.workers().inFlight())
                .description("handshake steps running or waiting").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("hivemind.worker.tasks.rejected", hub,
                h -> h.workers().rejectedCount())
                .description("handshake steps refused because the worker pool was full (close 1013)")
                .register(registry);
        hub.observe(meters);
        return meters;
    }

    @Override
    public void connectionOpened(String transport) {
        Counter.builder("hivemind.connections").description("connections admitted").tag("transport", transport)
                .register(registry).increment();
    }

    @Override
    public void admissionRefused(String transport, String reason) {
        Counter.builder("hivemind.admissions.refused").description("connections refused before a session")
                .tags("transport", transport, "reason", reason).register(registry).increment();
    }

    @Override
    public void handshakeEnded(String method, String outcome, Duration elapsed) {
        Counter.builder("hivemind.handshakes").description("handshakes by auth method and outcome")
                .tags("method", method, "outcome", outcome).register(registry).increment();
        if (elapsed != null) {
            Timer.builder("hivemind.handshake").description("time from connection to session")
                    .tag("method", method).serviceLevelObjectives(HANDSHAKE_BUCKETS).register(registry)
                    .record(elapsed);
        }
    }

    @Override
    public void messageIn(String type, boolean refused) {
        Counter.builder(refused ? "hivemind.messages.refused" : "hivemind.messages.in")
                .description(refused ? "messages dropped by the client's permissions" : "messages from clients")
                .tag("type", type).register(registry).increment();
    }

    @Override
    public void messageOut(String type) {
        Counter.builder("hivemind.messages.out").description("messages to clients").tag("type", type)
                .register(registry).increment();
    }

    @Override
    public void sessionClosed(String transport) {
        Counter.builder("hivemind.sessions.closed").description("established sessions that ended")
                .tag("transport", transport).register(registry).increment();
    }
}
