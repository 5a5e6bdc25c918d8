package dev.hivemind.engine.hub;

import dev.hivemind.api.error.PolicyViolationException;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientRegistry;
import dev.hivemind.engine.session.ServerSession;
import dev.hivemind.engine.time.Scheduler;
import dev.hivemind.engine.work.WorkerPool;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the sessions of clients that lost a right since they connected. Permissions are read at connect time
 * (docs/routing.md); without this, a client revoked or deleted while connected, or whose password was reset after a
 * leak, would keep its session for as long as the connection lasts. Every {@link #INTERVAL} while sessions exist, one
 * task on the blocking-I/O pool looks up the record of each connected client once and closes with 1008 the sessions
 * whose client is gone, holds another access key, or lost a credential, admin, a {@code can_*} flag or an allowed
 * type, or gained a blacklist entry. A change that only grants more applies from the next connection.
 */
final class ClientRecheck {
    /** How often the records of connected clients are read again. */
    static final Duration INTERVAL = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(ClientRecheck.class);

    private final ClientRegistry registry;
    private final WorkerPool io;
    private final Scheduler scheduler;
    private final Supplier<Collection<ServerSession>> sessions;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile Scheduler.Cancellable next;
    private volatile boolean closed;

    ClientRecheck(ClientRegistry registry, WorkerPool io, Scheduler scheduler,
            Supplier<Collection<ServerSession>> sessions) {
        this.registry = registry;
        this.io = io;
        this.scheduler = scheduler;
        this.sessions = sessions;
    }

    /** Makes sure a recheck is scheduled (a session was established). */
    void ensureScheduled() {
        if (!closed && scheduled.compareAndSet(false, true)) {
            next = scheduler.schedule(INTERVAL, () -> recheckNow().whenComplete((n, e) -> {
                scheduled.set(false);
                if (!sessions.get().isEmpty()) {
                    ensureScheduled();
                }
            }));
        }
    }

    /** Reads the records of the connected clients now; completes with how many sessions it closed. */
    CompletionStage<Integer> recheckNow() {
        return io.compute(this::sweep, Runnable::run).exceptionally(e -> {
            LOG.debug("cannot recheck the connected clients now: {}", e.toString());
            return 0;
        });
    }

    void close() {
        closed = true;
        Scheduler.Cancellable n = next;
        if (n != null) {
            n.cancel();
        }
    }

    private int sweep() {
        Map<String, List<ServerSession>> byKey = new LinkedHashMap<>();
        for (ServerSession s : sessions.get()) {
            byKey.computeIfAbsent(s.client().apiKey(), k -> new java.util.ArrayList<>()).add(s);
        }
        int closedSessions = 0;
        for (Map.Entry<String, List<ServerSession>> e : byKey.entrySet()) {
            Optional<ClientRecord> now;
            try {
                now = registry.findByAccessKey(e.getKey());
            } catch (RuntimeException ex) {
                LOG.debug("cannot recheck a client now: {}", ex.toString());
                continue;
            }
            for (ServerSession s : e.getValue()) {
                Optional<String> lost = lostRight(s.client(), now);
                if (lost.isPresent()) {
                    LOG.warn("closing {} (client {} '{}'): {}", s.connection().id(), s.client().clientId(),
                            s.client().name(), lost.get());
                    s.disconnect(new PolicyViolationException(now.isEmpty() ? "client revoked"
                            : "client permissions changed", lost.get()));
                    closedSessions++;
                }
            }
        }
        return closedSessions;
    }

    /** What right the client held at connect time and no longer holds, if any. */
    static Optional<String> lostRight(ClientRecord then, Optional<ClientRecord> current) {
        if (current.isEmpty() || current.get().revoked() || current.get().clientId() != then.clientId()) {
            return Optional.of("the client was revoked or deleted, or its access key changed");
        }
        ClientRecord now = current.get();
        for (Map.Entry<String, String> c : then.credentials().entrySet()) {
            if (!c.getValue().equals(now.credentials().get(c.getKey()))) {
                return Optional.of("its " + c.getKey() + " credential changed");
            }
        }
        if (then.admin() && !now.admin()) {
            return Optional.of("it is no longer an admin");
        }
        if (then.canBroadcast() && !now.canBroadcast() || then.canEscalate() && !now.canEscalate()
                || then.canPropagate() && !now.canPropagate()) {
            return Optional.of("it lost a can_* permission");
        }
        if (!now.allowedTypes().containsAll(then.allowedTypes())) {
            return Optional.of("a message type was removed from its allowed_types");
        }
        if (!then.messageBlacklist().containsAll(now.messageBlacklist())
                || !then.skillBlacklist().containsAll(now.skillBlacklist())
                || !then.intentBlacklist().containsAll(now.intentBlacklist())) {
            return Optional.of("an entry was added to one of its blacklists");
        }
        return Optional.empty();
    }
}
