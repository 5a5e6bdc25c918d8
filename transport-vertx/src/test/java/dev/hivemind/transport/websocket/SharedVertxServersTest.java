package dev.hivemind.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ServerTls;
import dev.hivemind.api.transport.ServerTransportConfig;
import dev.hivemind.engine.tck.transport.RecordingAcceptor;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Servers that share one Vert.x (a hub's WebSocket and TCP transports) and are started from one thread each serve their
 * connections on an event loop of their own, as they did on Vert.x instances of their own.
 */
class SharedVertxServersTest {
    private static final String KEY = "shared-vertx-key";
    private static final String TOKEN = new AuthorizationToken("SharedVertxServersTest", KEY).encode();

    @Test
    void twoServersStartedFromOneThreadServeOnDifferentEventLoops() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(4));
        WebSocketTransportServer first = null;
        WebSocketTransportServer second = null;
        try {
            RecordingAcceptor firstAcceptor = RecordingAcceptor.knowing(KEY);
            RecordingAcceptor secondAcceptor = RecordingAcceptor.knowing(KEY);
            first = new WebSocketTransportServer(vertx, config(), firstAcceptor);
            second = new WebSocketTransportServer(vertx, config(), secondAcceptor);
            InetSocketAddress a = first.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
            InetSocketAddress b = second.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
            try (RawWebSocketPeer toFirst = RawWebSocketPeer.connect(a, TOKEN);
                    RawWebSocketPeer toSecond = RawWebSocketPeer.connect(b, TOKEN)) {
                Thread firstLoop = loopOf(firstAcceptor);
                Thread secondLoop = loopOf(secondAcceptor);
                assertNotEquals(firstLoop, secondLoop, "both servers on " + firstLoop.getName());
            }
        } finally {
            if (first != null) {
                first.close();
            }
            if (second != null) {
                second.close();
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** The thread the acceptor's first opened connection runs its callbacks on. */
    private static Thread loopOf(RecordingAcceptor acceptor) throws Exception {
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        acceptor.awaitConnection().connection().executor().execute(() -> thread.complete(Thread.currentThread()));
        return thread.get(10, TimeUnit.SECONDS);
    }

    private static ServerTransportConfig config() {
        return new ServerTransportConfig("127.0.0.1", 0, 1 << 20, Duration.ofMinutes(1), ServerTls.disabled(), null,
                PluginSettings.empty());
    }
}
