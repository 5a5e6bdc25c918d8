package dev.hivemind.engine.hub.router;

import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.agent.SessionInfo;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.log.LogSafe;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.engine.time.Scheduler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This hub's connection to its upstream hub (a hive of hives): a satellite session like any other, with a fresh
 * handshake on every connection, that announces {@code node_type: hub}. When it is lost or refused it reconnects with
 * exponential backoff ({@code reconnect_initial} doubling up to {@code reconnect_max}) and logs both the loss and the
 * return. While it is down, {@link #send} reports {@code false} and the message is dropped by the caller.
 */
public final class UpstreamLink implements Upstream {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamLink.class);

    private final HiveMindClient client;
    private final ClientEndpoint endpoint;
    private final Scheduler scheduler;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final String routeId;
    private Router router;
    private HiveMindConnection connection;
    private PeerInfo peer;
    private Duration delay;
    private Scheduler.Cancellable retry;
    private boolean failing;
    private boolean closed;

    /**
     * @param client       a client with the configured transport, auth methods, credentials and options
     * @param endpoint     the upstream hub
     * @param scheduler    for the reconnect delays
     * @param initialDelay first delay after a loss or a refusal
     * @param maxDelay     longest delay
     * @param routeId      this hub's route id (the {@code node} of the upstream peer entry)
     */
    public UpstreamLink(HiveMindClient client, ClientEndpoint endpoint, Scheduler scheduler, Duration initialDelay,
            Duration maxDelay, String routeId) {
        this.client = client;
        this.endpoint = endpoint;
        this.scheduler = scheduler;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.routeId = routeId;
        this.delay = initialDelay;
    }

    @Override
    public synchronized void start(Router target) {
        this.router = target;
        connect();
    }

    @Override
    public synchronized boolean send(HiveMessage message) {
        if (connection == null) {
            return false;
        }
        connection.send(message);
        return true;
    }

    @Override
    public synchronized Optional<PeerInfo> peer() {
        return Optional.ofNullable(peer);
    }

    /** Whether the link is up. */
    public synchronized boolean connected() {
        return connection != null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (retry != null) {
            retry.cancel();
        }
        if (connection != null) {
            connection.close();
        }
        connection = null;
        peer = null;
        client.close();
    }

    private synchronized void connect() {
        retry = null;
        if (closed) {
            return;
        }
        PeerInfo upstreamPeer = new PeerInfo("upstream:" + where(), PeerInfo.Role.UPSTREAM, -1, "upstream", null, null,
                false, routeId);
        client.connect(endpoint, m -> router.onUpstream(upstreamPeer, m)).whenComplete((c, error) -> {
            if (error != null) {
                lost("cannot connect to the upstream hub at " + where() + ": " + describe(error));
            } else {
                established(c, upstreamPeer);
            }
        });
    }

    private synchronized void established(HiveMindConnection c, PeerInfo upstreamPeer) {
        if (closed) {
            c.close();
            return;
        }
        connection = c;
        peer = upstreamPeer;
        SessionInfo info = c.sessionInfo();
        LOG.info("{} the upstream hub at {} (mode={}, handshake {} ms)", failing ? "reconnected to" : "connected to",
                where(), info.authMethod(), info.handshakeTime().toMillis());
        failing = false;
        delay = initialDelay;
        c.closed().whenComplete((close, e) -> {
            synchronized (this) {
                if (connection == c) {
                    connection = null;
                    peer = null;
                    lost("lost the upstream hub at " + where() + " (" + (close == null ? "closed"
                            : close.code() + (close.reason().isEmpty() ? "" : ": " + LogSafe.text(close.reason())))
                            + ")");
                }
            }
        });
    }

    private synchronized void lost(String why) {
        if (closed) {
            return;
        }
        Duration wait = delay;
        delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
        if (failing) {
            LOG.debug("{}; retrying in {} ms", why, wait.toMillis());
        } else {
            LOG.warn("{}; reconnecting in {} ms (then backing off up to {} ms)", why, wait.toMillis(),
                    maxDelay.toMillis());
        }
        failing = true;
        retry = scheduler.schedule(wait, this::connect);
    }

    private String where() {
        return endpoint.scheme() + "://" + endpoint.address();
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ConnectionClosedException c) {
            return "closed with " + c.peerCode() + (c.reason().isEmpty() ? "" : " (" + LogSafe.text(c.reason()) + ")");
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : LogSafe.message(cause.getMessage());
    }
}
