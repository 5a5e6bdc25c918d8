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
 * sends once the bus is back. The same queue holds what the bus cannot take yet (its socket's write buffer is above
 * the high-water mark: a slow or stuck bus), so a satellite's flood never grows the hub's memory beyond the queue's
 * bound ({@code queue} messages, at most {@value #MAX_QUEUED_CHARS} characters; the oldest is dropped first). All
 * state lives on one Vert.x context; {@link #send} is safe from any thread.
 */
final class OvosBusLink {
    /** The most characters the queue holds, whatever its message count. */
    static final int MAX_QUEUED_CHARS = 8 << 20;

    private static final Logger LOG = System.getLogger(OvosBusLink.class.getName());

    private final Vertx vertx;
    private final OvosSettings settings;
    private final Consumer<String> inbound;
    private final WebSocketClient client;
    private final io.vertx.core.Context context;
    private final Deque<String> pending = new ArrayDeque<>();
    private volatile long pendingChars;
    private volatile long droppedTotal;
    private boolean warnedSlow;
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
            if (socket != null && pending.isEmpty() && !socket.writeQueueFull()) {
                socket.writeTextMessage(json);
                return;
            }
            enqueue(json);
            if (socket != null) {
                WebSocket ws = socket;
                ws.drainHandler(d -> flush(ws));
            }
        });
    }

    /** Messages dropped because the queue was full (since the link started). */
    long dropped() {
        return droppedTotal;
    }

    /** Characters waiting in the queue (read from any thread: approximate). */
    long queuedChars() {
        return pendingChars;
    }

    private void enqueue(String json) {
        if (settings.queue() == 0 || json.length() > MAX_QUEUED_CHARS) {
            drop();
            return;
        }
        while (!pending.isEmpty() && (pending.size() >= settings.queue()
                || pendingChars + json.length() > MAX_QUEUED_CHARS)) {
            pendingChars -= pending.pollFirst().length();
            drop();
        }
        pending.addLast(json);
        pendingChars += json.length();
    }

    private void drop() {
        droppedTotal++;
        if (socket == null) {
            dropped++; // reported when the bus is back
        } else if (!warnedSlow) {
            warnedSlow = true;
            LOG.log(Level.WARNING, "the OVOS messagebus at " + settings.url() + " is not keeping up: dropping the "
                    + "oldest queued messages");
        }
    }

    /** Sends what waits while the bus takes it; waits for the next drain otherwise. */
    private void flush(WebSocket ws) {
        while (!pending.isEmpty() && socket == ws && !ws.writeQueueFull()) {
            String next = pending.pollFirst();
            pendingChars -= next.length();
            ws.writeTextMessage(next);
        }
        if (pending.isEmpty()) {
            warnedSlow = false;
        } else if (socket == ws) {
            ws.drainHandler(d -> flush(ws));
        }
    }

    /** Closes the connection for good. */
    void close() {
        context.runOnContext(v -> {
            closed = true;
            pending.clear();
            pendingChars = 0;
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
        flush(ws);
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
