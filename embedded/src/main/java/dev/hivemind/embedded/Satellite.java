package dev.hivemind.embedded;

import dev.hivemind.api.error.ConnectFailedException;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.engine.client.HubFailover;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A satellite: opens sessions to a hub (or to the first of several that serves: the nodes of a cluster), each over its
 * own connection and with its own handshake (no key survives a reconnect). Built by {@link HiveMind#satellite()}. Thread-safe. Closing it closes every session it opened and
 * releases what it created; a Vert.x given to its builder stays open.
 *
 * <p>{@link #connect()} fails with the typed reason: {@link ConnectionLimitException} (refused before any byte),
 * {@link ConnectFailedException} (nothing reachable, TLS refused), {@link dev.hivemind.api.error.ConnectionClosedException}
 * (the hub refused: HTTP 401 for an unknown key, 429 after repeated failures, a close code),
 * {@link dev.hivemind.api.error.AuthenticationException}, {@link dev.hivemind.api.error.NegotiationException},
 * {@link dev.hivemind.api.error.ProtocolViolationException}, or {@link dev.hivemind.api.error.HandshakeTimeoutException}
 * when the session is not established within {@link SatelliteBuilder#connectTimeout} of the call.
 */
public final class Satellite implements AutoCloseable {
    private final HubFailover hubs;
    private final String siteId;
    private final int maxConnections;
    private final int maxQueuedSends;
    private final Resources resources;
    private final AtomicInteger slots = new AtomicInteger();
    private final Set<SatelliteSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    Satellite(HubFailover hubs, String siteId, int maxConnections, int maxQueuedSends, Resources resources) {
        this.hubs = hubs;
        this.siteId = siteId;
        this.maxConnections = maxConnections;
        this.maxQueuedSends = maxQueuedSends;
        this.resources = resources;
    }

    /**
     * Opens a session; completes once it is established (the handshake done, our HELLO sent). Messages the hub sends
     * before a {@linkplain SatelliteSession#messageHandler handler} is set wait in the session (see there).
     */
    public CompletionStage<SatelliteSession> connect() {
        return connect(null);
    }

    /**
     * Opens a session whose messages go to {@code onMessage} from the start, on the connection's event loop (never block
     * it). The stage completes on that event loop too.
     */
    public CompletionStage<SatelliteSession> connect(Consumer<HiveMessage> onMessage) {
        CompletableFuture<SatelliteSession> result = new CompletableFuture<>();
        if (closing.get()) {
            result.completeExceptionally(new IllegalStateException("the satellite is closed"));
            return result;
        }
        if (slots.incrementAndGet() > maxConnections) {
            slots.decrementAndGet();
            result.completeExceptionally(new ConnectionLimitException(maxConnections));
            return result;
        }
        MessageRelay relay = new MessageRelay(onMessage);
        hubs.connect(relay::deliver).whenComplete((connected, error) -> {
            if (error != null) {
                slots.decrementAndGet();
                result.completeExceptionally(typed(error));
                return;
            }
            SatelliteSession session = new SatelliteSession(connected.connection(), resources.vertx(), siteId, relay,
                    maxQueuedSends, url(connected.hub()), ended -> {
                        sessions.remove(ended);
                        slots.decrementAndGet();
                    });
            sessions.add(session);
            if (session.closed().toCompletableFuture().isDone()) {
                sessions.remove(session); // it ended before it was added
            }
            if (closing.get()) {
                session.close();
            }
            result.complete(session);
        });
        return result;
    }

    /** The (first) hub this satellite connects to, {@code scheme://host:port}. */
    public String url() {
        return url(hubs.hubs().get(0));
    }

    /** Every hub this satellite may connect to, in order, {@code scheme://host:port} each. */
    public List<String> urls() {
        return hubs.hubs().stream().map(Satellite::url).toList();
    }

    private static String url(ClientEndpoint hub) {
        return hub.scheme() + "://" + hub.address();
    }

    /** Sessions open or still connecting. */
    public int openSessions() {
        return slots.get();
    }

    /** The Vert.x-flavoured face of this satellite: the same operations, returning {@link io.vertx.core.Future}s. */
    public SatelliteFutures futures() {
        return new SatelliteFutures(this, resources.vertx());
    }

    /**
     * Closes every session (normally, 1000; each waits at most its transport's closing timeout for the hub's answer),
     * then releases the threads and, if it is the satellite's own, the Vert.x instance. Completes when all is done.
     * Idempotent.
     */
    public CompletionStage<Void> closeAsync() {
        if (!closing.compareAndSet(false, true)) {
            return closed;
        }
        List<CompletableFuture<SessionEnd>> ends = new ArrayList<>();
        for (SatelliteSession s : List.copyOf(sessions)) {
            s.close();
            ends.add(s.closed().toCompletableFuture());
        }
        CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, 10, TimeUnit.SECONDS)
                .whenComplete((v, e) -> resources.release().whenComplete((r, x) -> closed.complete(null)));
        return closed;
    }

    /**
     * {@link #closeAsync()} and waits for it (at most 30 s). On a Vert.x thread it does not wait: a blocked event loop
     * could not finish the close.
     */
    @Override
    public void close() {
        Resources.awaitClosed(closeAsync());
    }

    private static Throwable typed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof HiveMindException ? cause
                : new ConnectFailedException("cannot connect: " + cause.getMessage(), cause);
    }
}
