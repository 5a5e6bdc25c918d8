package dev.hivemind.engine.hub;

import dev.hivemind.api.agent.HiveAgent;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.ServerBusyException;
import dev.hivemind.api.log.LogSafe;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientRegistry;
import dev.hivemind.api.transport.Admission;
import dev.hivemind.api.transport.AdmissionRequest;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionAcceptor;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.engine.auth.AuthPolicy;
import dev.hivemind.engine.auth.FirstUseEnroller;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.codec.json.JsonLimits;
import dev.hivemind.engine.hub.router.HubIdentity;
import dev.hivemind.engine.hub.router.LocalPeerDirectory;
import dev.hivemind.engine.hub.router.LocalPeerMailer;
import dev.hivemind.engine.hub.router.Router;
import dev.hivemind.engine.session.ServerSession;
import dev.hivemind.engine.session.ServerSessionListener;
import dev.hivemind.engine.session.SessionEnvironment;
import dev.hivemind.engine.work.WorkerPool;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub: admits connections against the client registry (before a WebSocket upgrade completes), gives each one a
 * {@link ServerSession}, and hands the messages of established sessions to the {@link Router}, which applies the
 * permissions (hivemind-core's rules, docs/routing.md) and routes them to the agent and to other peers.
 */
public final class Hub implements ConnectionAcceptor, ServerSessionListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    private final ClientRegistry registry;
    private final AuthPolicy authPolicy;
    private final FirstUseEnroller enroller;
    private final Router router;
    private final SessionEnvironment env;
    private final WorkerPool io;
    private final String nodeId;
    private final String nodePublicKey;
    private final Set<ServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final HubMetrics metrics = new HubMetrics();
    private final SourceLedger ledger;
    private final HandshakeSlots<ServerSession> handshaking;
    private final LastSeenRecorder lastSeen;
    private final ClientRecheck recheck;

    /**
     * @param registry the client registry (may block; called on the I/O pool)
     * @param authPolicy the enabled auth methods and which of them may authenticate which client
     * @param router   routes the messages of established sessions (its identity gives the node id and key)
     * @param env      session services
     * @param io       pool for blocking registry lookups
     * @param clock    clock for the failure limiter
     */
    public Hub(ClientRegistry registry, AuthPolicy authPolicy, Router router, SessionEnvironment env,
            @Named("io") WorkerPool io, java.time.Clock clock) {
        this(registry, authPolicy, router, env, io, new LocalSourceLedger(env.limits(), clock));
    }

    /**
     * @param registry   the client registry (may block; called on the I/O pool)
     * @param authPolicy the enabled auth methods and which of them may authenticate which client
     * @param router     routes the messages of established sessions (its identity gives the node id and key)
     * @param env        session services
     * @param io         pool for blocking registry lookups
     * @param ledger     failed authentications and key derivations per source (shared by the nodes of a cluster)
     */
    @Inject
    public Hub(ClientRegistry registry, AuthPolicy authPolicy, Router router, SessionEnvironment env,
            @Named("io") WorkerPool io, SourceLedger ledger) {
        this.registry = registry;
        this.authPolicy = authPolicy;
        this.enroller = new FirstUseEnroller(registry, io);
        this.router = router;
        this.env = env;
        this.io = io;
        this.nodeId = router.identity().nodeId();
        this.ledger = ledger;
        this.handshaking = new HandshakeSlots<>(env.limits().maxPending(), env.limits().sources().maxPendingPerAddress());
        this.lastSeen = new LastSeenRecorder(registry, io, env.scheduler());
        this.recheck = new ClientRecheck(registry, io, env.scheduler(), () -> List.copyOf(sessions));
        this.nodePublicKey = router.identity().publicKey() == null ? "" : router.identity().publicKey();
        router.reportTo(metrics);
    }

    /**
     * A hub with a router of its own, already started (an in-process directory, no binary handler, no upstream), for
     * embedding and tests.
     */
    public Hub(ClientRegistry registry, AuthPolicy authPolicy, HiveAgent agent, SessionEnvironment env,
            WorkerPool io, String nodeId, java.time.Clock clock) {
        this(registry, authPolicy, new Router(HubIdentity.create(nodeId, null, nodePublicKey(authPolicy.methods())),
                new LocalPeerDirectory(), new LocalPeerMailer(), new HiveMessageCodec(new HiveJson(new JsonLimits(
                        env.limits().maxFrameBytes(), env.limits().maxJsonDepth(), env.limits().maxFrameBytes()))),
                new Router.Plugins(agent, Optional.empty()), clock), env, io, clock);
        startRouting();
    }

    /** The node's public key (PEM) of the first enabled method that owns the node identity, or {@code null}. */
    public static String nodePublicKey(List<ServerAuthFactory> methods) {
        return methods.stream().map(ServerAuthFactory::nodePublicKeyPem).flatMap(Optional::stream).findFirst()
                .orElse(null);
    }

    /** The router of this hub. */
    public Router router() {
        return router;
    }

    /** Starts routing (the agent and binary handler); idempotent. Call before accepting connections. */
    public void startRouting() {
        router.start();
    }

    /** The enabled auth methods, in order. */
    public List<String> authMethodNames() {
        return authPolicy.methods().stream().map(ServerAuthFactory::name).toList();
    }

    public HubMetrics metrics() {
        return metrics;
    }

    /** Hands every event to {@code observer} from now on (one observer; {@link HubObserver#NONE} to stop). */
    public void observe(HubObserver observer) {
        metrics.observe(observer);
    }

    /** Sessions still in their handshake. */
    public int pendingHandshakes() {
        return handshaking.size();
    }

    /** The bounded pool of the handshakes' CPU-heavy steps. */
    public WorkerPool workers() {
        return env.workers();
    }

    /**
     * Reads the records of the connected clients again now and closes (1008) the sessions whose client lost a right
     * since it connected (revoked, deleted, a credential changed, fewer permissions); the hub also does this every
     * 30 s while sessions exist. Completes with how many sessions it closed.
     */
    public CompletionStage<Integer> recheckClients() {
        return recheck.recheckNow();
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
            metrics.admissionRefused(request.transport(), "malformed_token");
            LOG.info("rejected {} from {}: malformed authorization token", request.transport(),
                    request.remoteAddress());
            return CompletableFuture.completedFuture(Admission.Rejected.malformedToken());
        }
        String accessKey = token.get().accessKey();
        String userAgent = LogSafe.text(token.get().userAgent());
        String address = Sources.address(request.remoteAddress());
        if (sessions.size() >= env.limits().maxConnections() || handshaking.addressFull(address)) {
            metrics.admissionRefused(request.transport(), "connection_limit");
            LOG.warn("rejected {} from {}: connection limits reached ({} open, {} handshaking)", request.transport(),
                    request.remoteAddress(), sessions.size(), handshaking.size());
            return CompletableFuture.completedFuture(Admission.Rejected.busy());
        }
        return ledger.blocked(Sources.client(accessKey, address), address).thenCompose(blocked -> {
            if (blocked) {
                metrics.admissionRefused(request.transport(), "too_many_failures");
                LOG.warn("rejected {} from {} ({}): too many failed authentications", request.transport(),
                        request.remoteAddress(), userAgent);
                return CompletableFuture.completedFuture(Admission.Rejected.tooManyFailures());
            }
            return lookUp(request, accessKey, userAgent, address);
        });
    }

    private CompletionStage<Admission> lookUp(AdmissionRequest request, String accessKey, String userAgent,
            String address) {
        return io.compute(() -> lookup(accessKey), Runnable::run).<Admission>thenApply(found -> {
            if (found.isEmpty()) {
                metrics.admissionRefused(request.transport(), "unknown_access_key");
                ledger.recordUnknownKey(address);
                LOG.info("rejected {} from {} ({}): invalid access key", request.transport(), request.remoteAddress(),
                        userAgent);
                return Admission.Rejected.unknownKey();
            }
            return new Admission.Accepted(userAgent, found.get());
        }).exceptionally(error -> {
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause instanceof ServerBusyException) {
                metrics.admissionRefused(request.transport(), "registry_busy");
                return Admission.Rejected.busy();
            }
            metrics.admissionRefused(request.transport(), "registry_error");
            LOG.error("cannot admit {} from {}: the client registry failed: {}", request.transport(),
                    request.remoteAddress(), cause.toString());
            return new Admission.Rejected(500, CloseCode.INTERNAL_ERROR, "internal error");
        });
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
                nodePublicKey, authPolicy, env, this);
        sessions.add(session);
        handshaking.take(session, Sources.address(connection.remoteAddress())).ifPresent(oldest -> {
            LOG.warn("{} handshaking sessions: closing the oldest, {}, to admit {}", env.limits().maxPending(),
                    oldest.connection().id(), connection.id());
            oldest.connection().executor().execute(() -> oldest.connection().close(CloseCode.TRY_AGAIN_LATER,
                    CloseCode.TRY_AGAIN_LATER.defaultReason()));
        });
        metrics.connectionOpened(connection.transport());
        LOG.info("connected {} client {} '{}' via {} from {}", connection.id(), admission.client().clientId(),
                admission.client().name(), connection.transport(), connection.remoteAddress());
        return session;
    }

    // ---------------------------------------------------------------- ServerSessionListener

    @Override
    public void onEstablished(ServerSession session) {
        handshaking.release(session);
        metrics.handshakeEstablished(session.sessionInfo());
        ledger.recordSuccess(clientSource(session));
        // batched: the registry may block (a database write), never per handshake nor on the connection's thread
        lastSeen.record(session.client().clientId(), System.currentTimeMillis() / 1000.0);
        recheck.ensureScheduled();
        router.onEstablished(session);
    }

    @Override
    public CompletionStage<Boolean> enroll(ServerSession session, ServerAuthFactory method, String credential) {
        return enroller.enroll(session.client(), method, credential, session.connection().remoteAddress());
    }

    @Override
    public void onMessage(ServerSession session, HiveMessage message) {
        router.onMessage(session, message);
    }

    @Override
    public void onClosed(ServerSession session, boolean wasEstablished, int code, String reason) {
        if (sessions.remove(session)) {
            if (wasEstablished) {
                metrics.sessionClosed(session.connection().transport());
                router.onClosed(session);
            } else {
                handshaking.release(session);
                metrics.handshakeFailed(code);
            }
        }
    }

    @Override
    public void onAuthenticationFailure(ServerSession session) {
        ledger.recordAuthFailure(clientSource(session), Sources.address(session.connection().remoteAddress()));
    }

    @Override
    public String beforeComputation(ServerSession session) {
        String address = Sources.address(session.connection().remoteAddress());
        if (!ledger.tryChargeKdf(clientSource(session), address)) {
            metrics.keyDerivationRefused();
            throw new ServerBusyException(CloseCode.TRY_AGAIN_LATER.defaultReason(),
                    "key-derivation budget of " + address + " or of its access key is spent");
        }
        return address;
    }

    private static String clientSource(ServerSession session) {
        return Sources.client(session.client().apiKey(), Sources.address(session.connection().remoteAddress()));
    }

    /** Writes the pending connection times, closes every session with 1001 and stops routing. */
    @Override
    public void close() {
        recheck.close();
        lastSeen.flush();
        for (ServerSession s : List.copyOf(sessions)) {
            s.connection().executor().execute(() -> s.connection().close(CloseCode.GOING_AWAY, "hub shutting down"));
        }
        router.close();
    }
}
