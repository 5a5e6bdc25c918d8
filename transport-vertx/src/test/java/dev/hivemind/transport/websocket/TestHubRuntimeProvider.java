package dev.hivemind.transport.websocket;

import dev.hivemind.api.runtime.HubRuntime;
import dev.hivemind.api.runtime.HubRuntimeProvider;
import dev.hivemind.api.transport.ConnectionAcceptor;
import dev.hivemind.engine.tck.transport.RecordingAcceptor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real hub provider for the verticle tests: its hub admits the access keys listed under {@code keys} and
 * echoes frames (the tck's {@link RecordingAcceptor}). It remembers what it was given.
 */
public final class TestHubRuntimeProvider implements HubRuntimeProvider {
    static volatile Map<String, Object> lastConfiguration;
    static volatile RecordingAcceptor lastAcceptor;
    static final AtomicInteger CLOSED = new AtomicInteger();

    @Override
    public HubRuntime create(Map<String, Object> configuration) {
        lastConfiguration = configuration;
        Object keys = configuration.getOrDefault("keys", List.of());
        RecordingAcceptor acceptor = RecordingAcceptor.knowing(((List<?>) keys).stream().map(String::valueOf)
                .toArray(String[]::new));
        lastAcceptor = acceptor;
        return new HubRuntime() {
            @Override
            public ConnectionAcceptor acceptor() {
                return acceptor;
            }

            @Override
            public void close() {
                CLOSED.incrementAndGet();
            }
        };
    }
}
