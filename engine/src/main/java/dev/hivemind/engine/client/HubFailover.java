package dev.hivemind.engine.client;

import dev.hivemind.api.error.ConnectFailedException;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.error.HandshakeTimeoutException;
import dev.hivemind.api.error.ServerBusyException;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.engine.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Connects to one of several hubs (the nodes of a cluster), each attempt a fresh connection with a fresh handshake.
 * It starts with the hub that served the last session (at first, the first one) and moves on to the next when a hub
 * cannot serve: nothing listens, no session within the deadline, the hub is busy or going away. After a round in which
 * every hub failed it waits ({@code initialDelay}, doubling up to {@code maxDelay}) and tries again, for at most
 * {@code rounds} rounds. A refusal of the satellite itself (unknown access key, wrong password, too many failures,
 * a policy or protocol close, failed negotiation) ends the attempt at once: every node of a cluster shares the client
 * database and the failure counts, so the next one would refuse as well. Thread-safe.
 */
public final class HubFailover {
    /** Close codes and HTTP statuses after which another hub may serve. */
    private static final Set<Integer> HUB_UNAVAILABLE = Set.of(1001, 1006, 1011, 1012, 1013, 1014, 500, 502, 503, 504);

    private final HiveMindClient client;
    private final List<ClientEndpoint> hubs;
    private final Scheduler scheduler;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final int rounds;
    private volatile int preferred;
    private volatile int lastTried;

    /**
     * @param client       the client (its deadline applies to each attempt)
     * @param hubs         the hubs, in order of preference
     * @param scheduler    for the waits between rounds
     * @param initialDelay the wait after the first failed round
     * @param maxDelay     the longest wait
     * @param rounds       rounds at most (1: each hub once, no wait)
     */
    public HubFailover(HiveMindClient client, List<ClientEndpoint> hubs, Scheduler scheduler, Duration initialDelay,
            Duration maxDelay, int rounds) {
        if (hubs.isEmpty()) {
            throw new IllegalArgumentException("at least one hub");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1");
        }
        this.client = client;
        this.hubs = List.copyOf(hubs);
        this.scheduler = scheduler;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.rounds = rounds;
    }

    /** The hubs, in order of preference. */
    public List<ClientEndpoint> hubs() {
        return hubs;
    }

    /**
     * Opens a session with the first hub that serves; messages go to {@code listener} (or the connection's inbox when
     * {@code null}). Fails with the last hub's typed reason.
     */
    public CompletionStage<Connected> connect(Consumer<HiveMessage> listener) {
        return connect(listener, rounds);
    }

    /** As {@link #connect(Consumer)}, for at most {@code maxRounds} rounds. */
    public CompletionStage<Connected> connect(Consumer<HiveMessage> listener, int maxRounds) {
        CompletableFuture<Connected> result = new CompletableFuture<>();
        attempt(listener, preferred, 0, 1, maxRounds, initialDelay, result);
        return result;
    }

    /** The hub that served last is gone: the next {@link #connect} starts with the one after it. */
    public void moveOn() {
        preferred = (preferred + 1) % hubs.size();
    }

    /** The hub the last attempt went to. */
    public ClientEndpoint lastTried() {
        return hubs.get(lastTried);
    }

    /** A session and the hub that serves it. */
    public record Connected(HiveMindConnection connection, ClientEndpoint hub) {
    }

    /** Whether another hub may serve after {@code error} (else the satellite itself was refused). */
    public static boolean hubUnavailable(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ConnectFailedException || cause instanceof HandshakeTimeoutException
                || cause instanceof ServerBusyException) {
            return true;
        }
        return cause instanceof ConnectionClosedException c && HUB_UNAVAILABLE.contains(c.peerCode());
    }

    private void attempt(Consumer<HiveMessage> listener, int index, int triedThisRound, int round, int maxRounds,
            Duration delay, CompletableFuture<Connected> result) {
        ClientEndpoint hub = hubs.get(index);
        lastTried = index;
        client.connect(hub, listener).whenComplete((connection, error) -> {
            if (error == null) {
                preferred = index;
                if (!result.complete(new Connected(connection, hub))) {
                    connection.close();
                }
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            if (!hubUnavailable(cause)) {
                result.completeExceptionally(cause);
                return;
            }
            int next = (index + 1) % hubs.size();
            if (triedThisRound + 1 < hubs.size()) {
                attempt(listener, next, triedThisRound + 1, round, maxRounds, delay, result);
            } else if (round < maxRounds) {
                Duration doubled = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
                scheduler.schedule(delay, () -> attempt(listener, next, 0, round + 1, maxRounds, doubled, result));
            } else {
                result.completeExceptionally(cause);
            }
        });
    }
}
