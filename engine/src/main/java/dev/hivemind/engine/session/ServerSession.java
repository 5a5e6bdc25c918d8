package dev.hivemind.engine.session;

import dev.hivemind.api.agent.SessionInfo;
import dev.hivemind.api.auth.AuthStep;
import dev.hivemind.api.auth.ServerAuthContext;
import dev.hivemind.api.auth.ServerAuthExchange;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.error.FrameTooLargeException;
import dev.hivemind.api.error.HandshakeTimeoutException;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.error.InternalHiveMindException;
import dev.hivemind.api.error.NegotiationException;
import dev.hivemind.api.error.PolicyViolationException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.handshake.ClientHandshake;
import dev.hivemind.api.handshake.ClientHello;
import dev.hivemind.api.handshake.HandshakeOffer;
import dev.hivemind.api.handshake.HandshakeResponse;
import dev.hivemind.api.handshake.ServerHello;
import dev.hivemind.api.log.LogSafe;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.api.wire.ProtocolVersion;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.engine.auth.AuthPolicy;
import dev.hivemind.engine.auth.MethodGrant;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's side of one connection: an explicit state machine that follows hivemind-core's message order
 * (HELLO → HANDSHAKE offer → client HANDSHAKE → response → client HELLO → established), dispatches the client's
 * HANDSHAKE to the auth method whose selector field it carries, and then encrypts and decrypts application messages.
 *
 * <p>Every callback runs on the connection's thread; CPU-heavy auth steps run on the bounded worker pool and hop back.
 * Any violation closes the connection with the error's close code; nothing reaches the hub before
 * {@link ServerState#ESTABLISHED}. Keys are zeroed on close.
 */
public final class ServerSession implements ConnectionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSession.class);

    private final Connection connection;
    private final ClientRecord client;
    private final String userAgent;
    private final String nodeId;
    private final String nodePublicKey;
    private final AuthPolicy policy;
    private final List<MethodGrant> grants;
    private final SessionEnvironment env;
    private final ServerSessionListener listener;

    private ServerState state = ServerState.NEW;
    private final SessionKeys keys;
    private ServerHello hello;
    private HandshakeOffer offer;
    private final List<ServerAuthExchange> exchanges = new ArrayList<>();
    private ServerAuthExchange active;
    private MethodGrant activeGrant;
    private final FirstUseHold firstUse = new FirstUseHold();
    private Negotiation.Choice pendingChoice;
    private boolean pendingBinarize;
    private int attempts;
    private final Deadline deadline = new Deadline();
    private long openedNanos;
    private Duration handshakeTime;
    private String sessionId = "default";
    private String siteId;
    private Map<String, Object> helloPayload = Map.of();
    private boolean established;
    private boolean behind;

    /**
     * @param connection    the transport connection
     * @param client        the admitted client's record
     * @param userAgent     the user agent from the authorization token
     * @param nodeId        the hub's peer id
     * @param nodePublicKey the hub's RSA public key PEM for HELLO ("" if none)
     * @param policy        which of the enabled auth methods may authenticate which client
     * @param env           shared services
     * @param listener      the hub
     */
    public ServerSession(Connection connection, ClientRecord client, String userAgent, String nodeId,
            String nodePublicKey, AuthPolicy policy, SessionEnvironment env, ServerSessionListener listener) {
        this.connection = connection;
        this.client = client;
        this.userAgent = userAgent;
        this.nodeId = nodeId;
        this.nodePublicKey = nodePublicKey == null ? "" : nodePublicKey;
        this.policy = policy;
        this.grants = policy.grants(client);
        this.env = env;
        this.listener = listener;
        this.keys = new SessionKeys(env.random(), env.crypto().replayCacheSize());
    }

    public ServerState state() {
        return state;
    }

    public Connection connection() {
        return connection;
    }

    // ---------------------------------------------------------------- the established peer

    /** The peer id, {@code USERAGENT::CLIENT_ID::NAME::SESSION_ID}. */
    public String peerId() {
        return userAgent + "::" + client.clientId() + "::" + client.name() + "::" + sessionId;
    }

    /** The OVOS session id from the client's HELLO ({@code default} before it). */
    public String sessionId() {
        return sessionId;
    }

    /** The admitted client's record. */
    public ClientRecord client() {
        return client;
    }

    /** What the handshake negotiated; only once established. */
    public SessionInfo sessionInfo() {
        KeyState key = keys.current();
        if (key == null || handshakeTime == null) {
            throw new IllegalStateException("session not established");
        }
        return new SessionInfo(keys.authMethod(), keys.version(), key.cipher(), key.encoding(), key.binarize(),
                handshakeTime);
    }

    /** The site id from the client's HELLO, or {@code null}. */
    public String siteId() {
        return siteId;
    }

    /** The client's HELLO payload ({@code pubkey}, {@code session}, {@code site_id}, ...), once established. */
    public Map<String, Object> helloPayload() {
        return helloPayload;
    }

    /** Closes the connection because of {@code error} (its close code and reason). Safe from any thread. */
    public void disconnect(HiveMindException error) {
        connection.executor().execute(() -> fail(error));
    }

    /**
     * Sends a message to the client, encrypted with the session key. Safe from any thread. While the client has not
     * read what was sent before (its output is above the transport's high-water mark) the message is dropped: what
     * other peers flood through the hub must not fill an honest but slow client's queue until the transport drops it.
     */
    public void send(HiveMessage message) {
        connection.executor().execute(() -> {
            if (state != ServerState.ESTABLISHED) {
                LOG.debug("dropping {} for {}: session is {}", message, connection.id(), state);
                return;
            }
            if (connection.writeQueueFull()) {
                if (!behind) {
                    behind = true;
                    LOG.info("{} ({}) is not reading fast enough: dropping what is routed to it until it catches up",
                            connection.id(), describeClient());
                }
                return;
            }
            behind = false;
            Failures.guard(() -> connection.send(keys.seal(env.framing(), message)), this::fail,
                    "cannot encode outgoing message");
        });
    }

    // ---------------------------------------------------------------- ConnectionHandler

    @Override
    public void onOpen() {
        openedNanos = env.nanoTime().getAsLong();
        deadline.start(env.scheduler(), env.handshake().timeout(), connection.executor(), this::onDeadline);
        Failures.guard(this::start, this::fail, "cannot start session");
    }

    @Override
    public void onFrame(Frame frame) {
        if (state == ServerState.CLOSED) {
            return;
        }
        if (state == ServerState.ENROLLING) {
            Failures.guard(() -> firstUse.hold(frame), this::fail, "cannot hold a frame");
            return;
        }
        Failures.guard(() -> handle(frame), this::fail, "unexpected error while handling a frame");
    }

    @Override
    public void onClosed(int code, String reason) {
        if (state != ServerState.CLOSED) {
            LOG.info("closed {} ({}) code={}{}", connection.id(), describeClient(), code,
                    reason == null || reason.isEmpty() ? "" : " reason=" + LogSafe.text(reason));
        }
        release(code, reason);
    }

    // ---------------------------------------------------------------- handshake

    private void start() {
        hello = new ServerHello(nodePublicKey, peerId(), nodeId);
        sendPlain(MessageType.HELLO, hello.toPayload());

        List<MethodGrant> keyMethods = grants.stream()
                .filter(g -> !g.method().isHandshake() && env.handshake().minProtocolVersion() == 0).toList();
        List<MethodGrant> handshakeMethods = env.handshake().enabled()
                ? grants.stream().filter(g -> g.method().isHandshake()).toList() : List.of();
        if (keyMethods.isEmpty() && handshakeMethods.isEmpty()) {
            throw new PolicyViolationException("no usable authentication method",
                    "no enabled auth method may authenticate client " + client.clientId() + " (it holds credentials "
                            + client.credentials().keySet() + "; enabled: "
                            + policy.methods().stream().map(ServerAuthFactory::name).toList() + ")");
        }
        boolean presharedKey = !keyMethods.isEmpty();
        boolean requireCrypto = env.handshake().requireEncryption();
        int minVersion = Math.max(env.handshake().minProtocolVersion(), !presharedKey && requireCrypto ? 1 : 0);
        int maxVersion = Math.max(minVersion, env.handshake().maxProtocolVersion());
        boolean passwordFlag = false;
        boolean pskFlag = false;
        Map<String, Object> extra = new LinkedHashMap<>();
        for (MethodGrant g : concat(keyMethods, handshakeMethods)) {
            Optional<String> flag = g.method().offerFlag();
            if (flag.isEmpty()) {
                continue;
            }
            switch (flag.get()) {
                case HandshakeOffer.PASSWORD -> passwordFlag = true;
                case HandshakeOffer.PRESHARED_KEY -> pskFlag = true;
                default -> extra.put(flag.get(), true);
            }
        }
        offer = new HandshakeOffer(!presharedKey && !handshakeMethods.isEmpty(), minVersion, maxVersion,
                env.handshake().binarize(), pskFlag, passwordFlag, requireCrypto,
                env.crypto().allowedEncodings().stream().map(TextEncoding::wireName).toList(),
                env.crypto().allowedCiphers().stream().map(CipherSuite::wireName).toList(), extra);
        sendPlain(MessageType.HANDSHAKE, offer.toPayload());

        for (MethodGrant g : keyMethods) {
            ServerAuthExchange exchange = track(g.method().newExchange(new Context(g)));
            Optional<SessionKey> psk = exchange.keyBeforeHandshake();
            if (psk.isPresent()) {
                // in force now, but the session counts as authenticated only once a frame opened under it
                keys.install(psk.get(), CipherSuite.AES_GCM, TextEncoding.JSON_HEX, false, g.name(), ProtocolVersion.ZERO);
                break;
            }
        }
        state = ServerState.AWAIT_HANDSHAKE;
    }

    private void handle(Frame frame) {
        if (frame.size() > env.limits().maxFrameBytes()) {
            throw new FrameTooLargeException("message too big",
                    "frame of " + frame.size() + " bytes exceeds " + env.limits().maxFrameBytes());
        }
        SessionFraming.Inbound in = env.framing().decode(frame, keys.present() ? keys.current().crypto() : null,
                keys.present() ? keys.current().encoding() : TextEncoding.JSON_HEX);
        HiveMessage msg = in.message();
        MessageType type = msg.type();
        if (state != ServerState.ESTABLISHED && !(state == ServerState.AWAIT_HANDSHAKE && type == MessageType.HANDSHAKE)) {
            requireSealed(in);
        }
        switch (state) {
            case AWAIT_HANDSHAKE -> {
                if (type == MessageType.HANDSHAKE) {
                    onClientHandshake(msg);
                } else if (type == MessageType.HELLO && keys.present()) {
                    onClientHello(msg);
                } else {
                    throw unexpected(type);
                }
            }
            case AUTHENTICATING -> throw unexpected(type);
            case AWAIT_HELLO -> {
                if (type != MessageType.HELLO) {
                    throw unexpected(type);
                }
                onClientHello(msg);
            }
            case ESTABLISHED -> {
                if (!in.encrypted() && env.handshake().requireEncryption()) {
                    throw new ProtocolViolationException("encryption required",
                            "plaintext " + type.wireName() + " frame after the session key was established");
                }
                if (type == MessageType.HANDSHAKE || type == MessageType.HELLO) {
                    throw new ProtocolViolationException("unexpected " + type.wireName(),
                            type.wireName() + " after the handshake completed");
                }
                listener.onMessage(this, msg.withSourcePeer(peerId()));
            }
            default -> throw unexpected(type);
        }
    }

    /**
     * Once a key exists only a frame sealed under it proves the peer holds it: before the session is established, a
     * plaintext frame is refused, whatever {@code require_encryption} says. The one exception is the client's
     * HANDSHAKE while a pre-shared key is in force: it starts a fresh key exchange (hivemind-core's satellites that
     * hold a password but not the pre-shared key send it in clear), the exchanged key replaces the pre-shared one,
     * and the session is still established only by a HELLO sealed under the exchanged key.
     */
    private void requireSealed(SessionFraming.Inbound in) {
        if (keys.present() && !in.encrypted()) {
            throw new ProtocolViolationException("encryption required", "plaintext " + in.message().type().wireName()
                    + " in state " + state + " after the session key exists");
        }
    }

    private void onClientHandshake(HiveMessage msg) {
        if (++attempts > env.handshake().maxAttempts()) {
            throw new PolicyViolationException("too many handshake attempts",
                    "more than " + env.handshake().maxAttempts() + " HANDSHAKE frames");
        }
        ClientHandshake hs = ClientHandshake.fromPayload(msg.payload());
        MethodGrant grant = active != null ? activeGrant : select(hs);
        Negotiation.Choice choice = Negotiation.choose(hs.ciphers(), hs.encodings(), env.crypto().allowedCiphers(),
                env.crypto().allowedEncodings());
        pendingChoice = choice;
        pendingBinarize = env.handshake().binarize() && Boolean.TRUE.equals(hs.binarize());
        if (env.handshake().minProtocolVersion() >= 2 && !pendingBinarize) {
            throw new NegotiationException("protocol version too low",
                    "minimum protocol version 2 needs binarize, the client did not ask for it");
        }
        if (active == null) {
            active = track(grant.method().newExchange(new Context(grant)));
            activeGrant = grant;
        }
        state = ServerState.AUTHENTICATING;
        CompletionStage<AuthStep> step = active.onClientHandshake(hs);
        step.whenComplete((result, error) -> connection.executor().execute(() -> onAuthStep(result, error)));
    }

    /** The enabled method whose selector field the HANDSHAKE carries, if the hub granted it to this client. */
    private MethodGrant select(ClientHandshake hs) {
        List<ServerAuthFactory> selected = new ArrayList<>();
        for (ServerAuthFactory m : policy.methods()) {
            if (m.selectorField().isPresent() && hs.authField(m.selectorField().get()).isPresent()) {
                selected.add(m);
            }
        }
        if (selected.size() > 1) {
            throw new ProtocolViolationException("ambiguous handshake", "HANDSHAKE carries the selector fields of "
                    + selected.stream().map(ServerAuthFactory::name).toList());
        }
        if (selected.isEmpty()) {
            throw new AuthenticationException("HANDSHAKE carries no field of an enabled auth method (fields: "
                    + LogSafe.list(hs.authFields().keySet()) + ")");
        }
        String name = selected.get(0).name();
        if (!env.handshake().enabled()) {
            throw new AuthenticationException("key exchanges are disabled (handshake.enabled is false)");
        }
        return grants.stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new AuthenticationException("auth method '" + name
                        + "' may not authenticate client " + client.clientId() + " (its record holds no usable "
                        + name + " credential)"));
    }

    private void onAuthStep(AuthStep result, Throwable error) {
        if (state != ServerState.AUTHENTICATING) {
            AuthSteps.discard(result);
            return;
        }
        Failures.guard(() -> {
            AuthStep step = AuthSteps.settle(result, error);
            if (step instanceof AuthStep.Continue c) {
                sendPlain(MessageType.HANDSHAKE, c.fields());
                state = ServerState.AWAIT_HANDSHAKE;
                return;
            }
            AuthStep.Succeeded s = (AuthStep.Succeeded) step;
            HandshakeResponse response = new HandshakeResponse(s.responseFields(),
                    pendingChoice.encoding().wireName(), pendingChoice.cipher().wireName());
            if (activeGrant.enrolling()) {
                firstUse.expect(activeGrant.method(), active.presentedCredential().orElseThrow(() -> new AuthenticationException(
                        "auth method '" + activeGrant.name() + "' reported no credential to enrol")));
            }
            sendPlain(MessageType.HANDSHAKE, response.toPayload());
            keys.install(s.key(), pendingChoice.cipher(), pendingChoice.encoding(), pendingBinarize, activeGrant.name(),
                    pendingBinarize ? ProtocolVersion.TWO : ProtocolVersion.ONE);
            state = ServerState.AWAIT_HELLO;
        }, this::fail, "cannot complete the handshake");
    }

    private void onClientHello(HiveMessage msg) {
        ClientHello clientHello = ClientHello.fromPayload(msg.payload());
        HelloIds.check("session id", clientHello.sessionId());
        HelloIds.check("site id", clientHello.siteId());
        String sid = clientHello.sessionId();
        if (sid == null || sid.isEmpty()) {
            sid = "default";
        }
        if (sid.equals("default") && !client.admin()) {
            throw new PolicyViolationException("session id 'default' is reserved",
                    "non-admin client " + client.clientId() + " used the session id 'default'");
        }
        sessionId = sid;
        siteId = clientHello.siteId();
        helloPayload = msg.payload();
        if (firstUse.pending()) {
            // the client proved the key it presented (its HELLO opened under the secret sealed to it): enrol it first
            state = ServerState.ENROLLING;
            listener.enroll(this, firstUse.method(), firstUse.credential()).whenComplete((stored, error) ->
                    connection.executor().execute(() -> afterEnrollment(Boolean.TRUE.equals(stored) && error == null)));
            return;
        }
        establish();
    }

    private void afterEnrollment(boolean stored) {
        if (state != ServerState.ENROLLING) {
            return;
        }
        if (!stored) {
            fail(new AuthenticationException("client " + client.clientId() + ": the " + firstUse.method().name()
                    + " credential it presented was not enrolled"));
            return;
        }
        firstUse.clear();
        establish();
        for (Frame held : firstUse.drain()) {
            if (state != ServerState.ESTABLISHED) {
                return;
            }
            onFrame(held);
        }
    }

    private void establish() {
        state = ServerState.ESTABLISHED;
        established = true;
        handshakeTime = Duration.ofNanos(env.nanoTime().getAsLong() - openedNanos);
        deadline.cancel();
        closeExchanges();
        SessionInfo info = sessionInfo();
        LOG.info("handshake done {} ({}) mode={} protocol={} cipher={} encoding={} binarize={} in {} ms",
                connection.id(), describeClient(), info.authMethod(), info.protocolVersion().number(),
                info.cipher().wireName(), info.encoding().wireName(), info.binarize(), handshakeTime.toMillis());
        listener.onEstablished(this);
    }

    private void onDeadline() {
        if (state != ServerState.ESTABLISHED && state != ServerState.CLOSED) {
            fail(new HandshakeTimeoutException("no established session after " + env.handshake().timeout().toMillis()
                    + " ms (state " + state + ")"));
        }
    }

    // ---------------------------------------------------------------- helpers

    private void sendPlain(MessageType type, Map<String, Object> payload) {
        connection.send(env.framing().plain(HiveMessage.builder(type).payload(payload).build()));
    }

    private ServerAuthExchange track(ServerAuthExchange exchange) {
        exchanges.add(exchange);
        return exchange;
    }

    private ProtocolViolationException unexpected(MessageType type) {
        return new ProtocolViolationException("unexpected " + type.wireName(),
                "unexpected " + type.wireName() + " in state " + state);
    }

    /** Closes the connection because of {@code error}. */
    void fail(HiveMindException error) {
        if (state == ServerState.CLOSED) {
            return;
        }
        if (error instanceof InternalHiveMindException) {
            LOG.warn("rejected {} ({}) code={} reason={}: {}", connection.id(), describeClient(),
                    error.closeCode().code(), error.reason(), LogSafe.message(error.getMessage()), error);
        } else {
            LOG.info("rejected {} ({}) code={} reason={}: {}", connection.id(), describeClient(),
                    error.closeCode().code(), error.reason(), LogSafe.message(error.getMessage()));
        }
        if (!established && error instanceof AuthenticationException) {
            listener.onAuthenticationFailure(this);
        }
        CloseCode code = error.closeCode();
        release(code.code(), error.reason());
        connection.close(code, error.reason());
    }

    private void release(int code, String reason) {
        if (state == ServerState.CLOSED) {
            return;
        }
        boolean wasEstablished = established;
        state = ServerState.CLOSED;
        deadline.cancel();
        closeExchanges();
        keys.close();
        firstUse.clear();
        firstUse.drain();
        listener.onClosed(this, wasEstablished, code, reason);
    }

    private void closeExchanges() {
        for (ServerAuthExchange e : exchanges) {
            try {
                e.close();
            } catch (RuntimeException ex) {
                LOG.debug("auth exchange close failed", ex);
            }
        }
        exchanges.clear();
        active = null;
    }

    private String describeClient() {
        return "client " + client.clientId() + " '" + client.name() + "' via " + connection.transport() + " from "
                + connection.remoteAddress();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The auth context handed to one of this session's exchanges. */
    private final class Context implements ServerAuthContext {
        private final MethodGrant grant;

        Context(MethodGrant grant) {
            this.grant = grant;
        }

        @Override
        public ClientRecord client() {
            return client;
        }

        @Override
        public Optional<String> credential() {
            return grant.credential();
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return connection.remoteAddress();
        }

        @Override
        public <T> CompletionStage<T> blocking(Supplier<T> task) {
            InetSocketAddress peer = connection.remoteAddress();
            String source = peer == null ? "" : peer.getAddress() == null ? peer.getHostString()
                    : peer.getAddress().getHostAddress();
            return env.io().compute(source, task, connection.executor());
        }

        @Override
        public ServerHello serverHello() {
            return hello;
        }

        @Override
        public SecureRandom random() {
            return env.random();
        }

        @Override
        public <T> CompletionStage<T> compute(Supplier<T> task) {
            String source;
            try {
                source = listener.beforeComputation(ServerSession.this);
            } catch (HiveMindException e) {
                return java.util.concurrent.CompletableFuture.failedFuture(e);
            }
            return env.workers().compute(source, task, connection.executor());
        }
    }
}
