package dev.hivemind.agent.ovos;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * One WebSocket connection to the OVOS messagebus that stays up: when the bus goes away (a restart) it reconnects
 * with exponential backoff, logs both events, and keeps what satellites send meanwhile in a bounded queue that it
 * sends once the bus is back. All state lives on one Vert.x context; {@link #send} is safe from any thread.
 */
final class OvosBusLink {
    private static final Logger LOG = System.getLogger(OvosBusLink.class.getName());

    private final Vertx vertx;
    private final OvosSettings settings;
    private final Consumer<String> inbound;
    private final WebSocketClient client;
    private final io.vertx.core.Context context;
    private final Deque<String> pending = new ArrayDeque<>();
    private WebSocket socket;
    private Duration delay;
    private boolean everConnected;
    private boolean warnedDown;
    private long dropped;
    private boolean closed;

    OvosBusLink(Vertx vertx, OvosSettings settings, Consumer<String> inbound) {
        this.vertx = vertx;
        this.settings = settings;
        this.inbound = inbound;
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setSsl(settings.secure())
                .setMaxMessageSize(16 << 20).setMaxFrameSize(1 << 20));
        this.context = vertx.getOrCreateContext();
        this.delay = settings.reconnectInitial();
    }

    /** Starts connecting. */
    void start() {
        context.runOnContext(v -> connect());
    }

    /** Sends a JSON message, or queues it while the bus is away. */
    void send(String json) {
        context.runOnContext(v -> {
            if (closed) {
                return;
            }
            if (socket != null) {
                socket.writeTextMessage(json);
                return;
            }
            if (settings.queue() == 0) {
                dropped++;
                return;
            }
            if (pending.size() >= settings.queue()) {
                pending.pollFirst();
                dropped++;
            }
            pending.addLast(json);
        });
    }

    /** Closes the connection for good. */
    void close() {
        context.runOnContext(v -> {
            closed = true;
            pending.clear();
            if (socket != null) {
                socket.close();
            }
            client.close();
        });
    }

    private void connect() {
        if (closed) {
            return;
        }
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(settings.url().getHost())
                .setPort(settings.port()).setURI(settings.path()).setSsl(settings.secure());
        client.connect(options).onComplete(ar -> {
            if (ar.failed()) {
                retry("cannot reach the OVOS messagebus at " + settings.url() + ": " + ar.cause().getMessage());
                return;
            }
            if (closed) {
                ar.result().close();
                return;
            }
            opened(ar.result());
        });
    }

    private void opened(WebSocket ws) {
        socket = ws;
        delay = settings.reconnectInitial();
        LOG.log(Level.INFO, (everConnected ? "reconnected to" : "connected to") + " the OVOS messagebus at "
                + settings.url() + (pending.isEmpty() ? "" : "; sending " + pending.size() + " queued messages")
                + (dropped == 0 ? "" : "; " + dropped + " messages were dropped while it was away"));
        everConnected = true;
        warnedDown = false;
        dropped = 0;
        ws.textMessageHandler(inbound::accept);
        ws.exceptionHandler(e -> LOG.log(Level.DEBUG, "OVOS messagebus connection error: " + e));
        ws.closeHandler(v -> {
            if (socket == ws) {
                socket = null;
                if (!closed) {
                    retry("the OVOS messagebus at " + settings.url() + " closed the connection");
                }
            }
        });
        while (!pending.isEmpty() && socket == ws) {
            ws.writeTextMessage(pending.pollFirst());
        }
    }

    private void retry(String why) {
        if (closed) {
            return;
        }
        Duration wait = delay;
        delay = delay.multipliedBy(2).compareTo(settings.reconnectMax()) > 0 ? settings.reconnectMax()
                : delay.multipliedBy(2);
        LOG.log(warnedDown ? Level.DEBUG : Level.WARNING, why + "; reconnecting in " + wait.toMillis() + " ms");
        warnedDown = true;
        vertx.setTimer(Math.max(1, wait.toMillis()), id -> context.runOnContext(v -> connect()));
    }
}
