package dev.hivemind.agent.ovos;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A minimal, real OVOS messagebus: a WebSocket server at {@code /core} that re-broadcasts every text message to every
 * connected client, the sender included (as ovos-messagebus does). Records what passed through.
 */
final class MiniMessageBus implements AutoCloseable {
    private final Vertx vertx;
    private final Set<ServerWebSocket> clients = ConcurrentHashMap.newKeySet();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;

    MiniMessageBus(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Listens on {@code port} (0: any) of loopback; returns the port. */
    int start(int port) throws Exception {
        server = vertx.createHttpServer().webSocketHandler(ws -> {
            if (!"/core".equals(ws.path())) {
                ws.close((short) 1008, "not /core");
                return;
            }
            clients.add(ws);
            ws.closeHandler(v -> clients.remove(ws));
            ws.textMessageHandler(text -> {
                seen.add(text);
                for (ServerWebSocket c : clients) {
                    c.writeTextMessage(text);
                }
            });
        });
        // a restart binds the port it had; another process on this machine may hold it for a moment: try again
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture()
                        .get(10, TimeUnit.SECONDS).actualPort();
            } catch (java.util.concurrent.ExecutionException e) {
                if (port == 0 || !(e.getCause() instanceof java.net.BindException) || System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    int connections() {
        return clients.size();
    }

    List<String> seen() {
        return seen;
    }

    /** Stops: every client connection closes (a bus restart, or shutdown). */
    @Override
    public void close() throws Exception {
        for (ServerWebSocket c : clients) {
            c.close();
        }
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        clients.clear();
    }
}
