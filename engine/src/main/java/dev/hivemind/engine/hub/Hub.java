package dev.hivemind.engine.hub;

import dev.hivemind.api.agent.HiveAgent;
import dev.hivemind.api.auth.AuthMethodFactory;
import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientRegistry;
import dev.hivemind.api.transport.Admission;
import dev.hivemind.api.transport.AdmissionRequest;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionAcceptor;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.engine.session.ServerSession;
import dev.hivemind.engine.session.ServerSessionListener;
import dev.hivemind.engine.session.SessionEnvironment;
import dev.hivemind.engine.work.WorkerPool;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub: admits connections against the client registry (before a WebSocket upgrade completes), gives each one a
 * {@link ServerSession}, and routes authorised messages of established sessions to the agent. Permission checks
 * follow hivemind-core: BUS types must be in the client's {@code allowed_types}; BROADCAST needs admin, PROPAGATE
 * {@code can_propagate}, ESCALATE {@code can_escalate}; refused messages are dropped and counted, not answered.
 */
public final class Hub implements ConnectionAcceptor, ServerSessionListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    private final ClientRegistry registry;
    private final List<AuthMethodFactory> methods;
    private final HiveAgent agent;
    private final SessionEnvironment env;
    private final WorkerPool io;
    private final String nodeId;
    private final String nodePublicKey;
    private final Set<ServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger pending = new AtomicInteger();
    private final HubMetrics metrics = new HubMetrics();
    private final MessagePolicy policy = new MessagePolicy();
    private final FailureLimiter failures;

    /**
     * @param registry the client registry (may block; called on the I/O pool)
     * @param methods  enabled, available auth methods in configured order
     * @param agent    receives authorised messages
     * @param env      session services
     * @param io       pool for blocking registry lookups
     * @param nodeId   the hub's peer id
     * @param clock    clock for the failure limiter
     */
    public Hub(ClientRegistry registry, List<AuthMethodFactory> methods, HiveAgent agent, SessionEnvironment env,
            WorkerPool io, String nodeId, java.time.Clock clock) {
        this.registry = registry;
        this.methods = List.copyOf(methods);
        this.agent = agent;
        this.env = env;
        this.io = io;
        this.nodeId = nodeId;
        this.failures = new FailureLimiter(env.limits().maxAuthFailures(), env.limits().failureWindow(), clock, 100_000);
        this.nodePublicKey = methods.stream().map(AuthMethodFactory::nodePublicKeyPem).flatMap(Optional::stream)
                .findFirst().orElse("");
    }

    /** The enabled auth methods, in order. */
    public List<String> authMethodNames() {
        return methods.stream().map(AuthMethodFactory::name).toList();
    }

    public HubMetrics metrics() {
        return metrics;
    }

    /** Hands every event to {@code observer} from now on (one observer; {@link HubObserver#NONE} to stop). */
    public void observe(HubObserver observer) {
        metrics.observer = java.util.Objects.requireNonNull(observer, "observer");
    }

    /** Sessions still in their handshake. */
    public int pendingHandshakes() {
        return pending.get();
    }

    /** The bounded pool of the handshakes' CPU-heavy steps. */
    public WorkerPool workers() {
        return env.workers();
    }

    /** Sessions currently open (any state). */
    public int openSessions() {
        return sessions.size();
    }

    // ---------------------------------------------------------------- ConnectionAcceptor

    @Override
    public CompletionStage<Admission> admit(AdmissionRequest request) {
        Optional<AuthorizationToken> token = AuthorizationToken.parse(request.authorizationToken());
        if (token.isEmpty()) {
            refused(request, "malformed_token");
            LOG.info("rejected {} from {}: malformed authorization token", request.transport(),
                    request.remoteAddress());
            return CompletableFuture.completedFuture(Admission.Rejected.malformedToken());
        }
        if (sessions.size() >= env.limits().maxConnections() || pending.get() >= env.limits().maxPending()) {
            refused(request, "connection_limit");
            LOG.warn("rejected {} from {}: connection limits reached ({} open, {} handshaking)", request.transport(),
                    request.remoteAddress(), sessions.size(), pending.get());
            return CompletableFuture.completedFuture(Admission.Rejected.busy());
        }
        String accessKey = token.get().accessKey();
        String userAgent = token.get().userAgent();
        String address = addressKey(request.remoteAddress());
        if (failures.blocked(keyOf(accessKey), address)) {
            refused(request, "too_many_failures");
            LOG.warn("rejected {} from {} ({}): too many failed handshakes", request.transport(),
                    request.remoteAddress(), userAgent);
            return CompletableFuture.completedFuture(Admission.Rejected.tooManyFailures());
        }
        return io.compute(() -> lookup(accessKey), Runnable::run).<Admission>thenApply(found -> {
            if (found.isEmpty()) {
                refused(request, "unknown_access_key");
                LOG.info("rejected {} from {} ({}): invalid access key", request.transport(), request.remoteAddress(),
                        userAgent);
                return Admission.Rejected.unknownKey();
            }
            return new Admission.Accepted(userAgent, found.get());
        }).exceptionally(error -> {
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause instanceof dev.hivemind.api.error.ServerBusyException) {
                refused(request, "registry_busy");
                return Admission.Rejected.busy();
            }
            refused(request, "registry_error");
            LOG.error("cannot admit {} from {}: the client registry failed: {}", request.transport(),
                    request.remoteAddress(), cause.toString());
            return new Admission.Rejected(500, CloseCode.INTERNAL_ERROR, "internal error");
        });
    }

    private void refused(AdmissionRequest request, String reason) {
        metrics.rejected.incrementAndGet();
        metrics.observer.admissionRefused(request.transport(), reason);
    }

    /** The limiter's key for an access key: a hash, so the table holds no credentials. */
    private static String keyOf(String accessKey) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(accessKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "key:" + java.util.HexFormat.of().formatHex(d, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String addressKey(java.net.InetSocketAddress address) {
        if (address == null) {
            return null;
        }
        return "ip:" + (address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress());
    }

    private Optional<ClientRecord> lookup(String accessKey) {
        if (ClientRecord.REVOKED.equals(accessKey)) {
            return Optional.empty();
        }
        return registry.findByAccessKey(accessKey).filter(c -> !c.revoked());
    }

    @Override
    public ConnectionHandler open(Connection connection, Admission.Accepted admission) {
        ServerSession session = new ServerSession(connection, admission.client(), admission.userAgent(), nodeId,
                nodePublicKey, methods, env, this);
        sessions.add(session);
        pending.incrementAndGet();
        metrics.connections.incrementAndGet();
        metrics.observer.connectionOpened(connection.transport());
        LOG.info("connected {} client {} '{}' via {} from {}", connection.id(), admission.client().clientId(),
                admission.client().name(), connection.transport(), connection.remoteAddress());
        return session;
    }

    // ---------------------------------------------------------------- ServerSessionListener

    @Override
    public void onEstablished(ServerSession session) {
        pending.decrementAndGet();
        metrics.established.incrementAndGet();
        metrics.observer.handshakeEnded(session.sessionInfo().authMethod(), "established",
                session.sessionInfo().handshakeTime());
        failures.reset(keyOf(session.client().apiKey()));
        int clientId = session.client().clientId();
        double now = System.currentTimeMillis() / 1000.0;
        // the registry may block (a database write): never on the connection's thread
        io.compute(() -> {
            registry.touch(clientId, now);
            return null;
        }, Runnable::run).exceptionally(e -> {
            LOG.debug("cannot record last_seen for client {}: {}", clientId, e.toString());
            return null;
        });
        agent.onSessionEstablished(new FilteredPeer(session, policy, metrics));
    }

    @Override
    public void onMessage(ServerSession session, HiveMessage message) {
        Optional<String> refusal = policy.refusal(session.client(), message);
        if (refusal.isPresent()) {
            metrics.refusedMessages.incrementAndGet();
            metrics.observer.messageIn(message.type().wireName(), true);
            LOG.info("dropped {} from {}: {}", message.type().wireName(), session.peerId(), refusal.get());
            return;
        }
        metrics.messagesIn.incrementAndGet();
        metrics.observer.messageIn(message.type().wireName(), false);
        agent.onMessage(new FilteredPeer(session, policy, metrics), message);
    }

    @Override
    public void onClosed(ServerSession session, boolean wasEstablished, int code, String reason) {
        if (sessions.remove(session)) {
            if (wasEstablished) {
                metrics.observer.sessionClosed(session.connection().transport());
                agent.onSessionClosed(new FilteredPeer(session, policy, metrics));
            } else {
                pending.decrementAndGet();
                metrics.failedHandshakes.incrementAndGet();
                metrics.observer.handshakeEnded("unknown", handshakeOutcome(code), null);
                if (code == CloseCode.POLICY_VIOLATION.code()) {
                    failures.recordFailure(keyOf(session.client().apiKey()),
                            addressKey(session.connection().remoteAddress()));
                }
            }
        }
    }

    /** What a close before the session says about the handshake (for {@link HubObserver#handshakeEnded}). */
    private static String handshakeOutcome(int code) {
        CloseCode c = CloseCode.fromCode(code);
        if (c == null) {
            return "abandoned";
        }
        return switch (c) {
            case POLICY_VIOLATION -> "refused";
            case TRY_AGAIN_LATER -> "busy";
            case PROTOCOL_ERROR, INVALID_PAYLOAD, MESSAGE_TOO_BIG -> "protocol_error";
            case INTERNAL_ERROR -> "error";
            case NORMAL, GOING_AWAY -> "abandoned";
        };
    }

    /** Closes every session with 1001. */
    @Override
    public void close() {
        for (ServerSession s : List.copyOf(sessions)) {
            s.connection().executor().execute(() -> s.connection().close(CloseCode.GOING_AWAY, "hub shutting down"));
        }
    }
}
