package dev.hivemind.engine.client;

import dev.hivemind.api.agent.SessionInfo;
import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.error.ConnectFailedException;
import dev.hivemind.api.error.ConnectTimeoutException;
import dev.hivemind.api.error.HandshakeTimeoutException;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.AuthorizationToken;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.TransportClient;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.engine.codec.binary.Binarizer;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.codec.json.JsonLimits;
import dev.hivemind.engine.config.CryptoSettings;
import dev.hivemind.engine.config.HandshakeSettings;
import dev.hivemind.engine.config.LimitSettings;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.session.ClientSession;
import dev.hivemind.engine.session.ClientSessionListener;
import dev.hivemind.engine.session.SessionEnvironment;
import dev.hivemind.engine.session.SessionFraming;
import dev.hivemind.engine.time.Scheduler;
import dev.hivemind.engine.time.SystemScheduler;
import dev.hivemind.engine.work.WorkerPool;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Connects to hubs as a satellite. Every {@link #connect} opens a fresh connection and runs a fresh handshake: no key
 * survives a reconnect. The returned stage fails with the typed reason: {@link dev.hivemind.api.error.AuthenticationException},
 * {@link dev.hivemind.api.error.NegotiationException}, {@link dev.hivemind.api.error.ProtocolViolationException},
 * {@link dev.hivemind.api.error.HandshakeTimeoutException}, {@link dev.hivemind.api.error.ConnectionClosedException}
 * or {@link dev.hivemind.api.error.ConnectFailedException}. The client holds no limit of its own on how many
 * connections it opens (embedding applications that want one use {@code hivemind-embedded}'s satellite).
 */
public final class HiveMindClient {
    private final TransportClient transport;
    private final List<ClientAuthFactory> methods;
    private final ClientCredentials credentials;
    private final ClientOptions options;
    private final SessionEnvironment env;
    private final List<AutoCloseable> owned;

    /**
     * @param transport   the transport's client
     * @param methods     the configured auth methods, already initialised (one handshake method, optionally psk)
     * @param credentials access key and secrets
     * @param options     client policy
     * @param env         session services (worker pool, scheduler, random)
     */
    public HiveMindClient(TransportClient transport, List<ClientAuthFactory> methods, ClientCredentials credentials,
            ClientOptions options, SessionEnvironment env) {
        this.transport = transport;
        this.methods = List.copyOf(methods);
        this.credentials = credentials;
        this.options = options;
        this.env = env;
        this.owned = List.of();
    }

    private HiveMindClient(TransportClient transport, List<ClientAuthFactory> methods, ClientCredentials credentials,
            ClientOptions options, SessionEnvironment env, List<AutoCloseable> owned) {
        this.transport = transport;
        this.methods = List.copyOf(methods);
        this.credentials = credentials;
        this.options = options;
        this.env = env;
        this.owned = List.copyOf(owned);
    }

    /**
     * A client with its own small worker pool and scheduler (released by {@link #close()}) and default limits.
     * {@code methods} must already be initialised if they need it (RSA: {@code initialize(PluginContext)}).
     */
    public static HiveMindClient create(TransportFactory transport,
            List<ClientAuthFactory> methods, ClientCredentials credentials, ClientOptions options) {
        WorkerPool workers = new WorkerPool("hivemind-client", 2, 16);
        SystemScheduler scheduler = new SystemScheduler();
        HiveJson json = new HiveJson(
                JsonLimits.defaults());
        SessionEnvironment env = new SessionEnvironment(HandshakeSettings.defaults(),
                CryptoSettings.defaults(), LimitSettings.defaults(),
                new SessionFraming(new HiveMessageCodec(json),
                        new Binarizer(json)),
                workers, scheduler, new SecureRandom(), System::nanoTime);
        return new HiveMindClient(transport.createClient(PluginSettings.empty()), methods,
                credentials, options, env, List.of(workers, scheduler));
    }

    /** Connects and completes once the session is established; messages go to a bounded inbox. */
    public CompletionStage<HiveMindConnection> connect(ClientEndpoint endpoint) {
        return connect(endpoint, null);
    }

    /**
     * Connects; messages from the hub go to {@code listener} on the connection's thread. One deadline,
     * {@link ClientOptions#handshakeTimeout()}, bounds everything from this call on: the TCP connect, any wait for a
     * pooled connection, TLS, the upgrade and the handshake. When it passes the stage fails with a
     * {@link HandshakeTimeoutException} ({@link ConnectTimeoutException} when no connection was open yet; one that
     * opens later is closed at once); a connection that
     * cannot be opened at all fails it with a {@link ConnectFailedException}.
     */
    public CompletionStage<HiveMindConnection> connect(ClientEndpoint endpoint, Consumer<HiveMessage> listener) {
        CompletableFuture<HiveMindConnection> result = new CompletableFuture<>();
        CompletableFuture<HiveMindConnection.CloseInfo> closed = new CompletableFuture<>();
        AtomicReference<HiveMindConnection> connection = new AtomicReference<>();
        AtomicReference<ClientSession> sessionRef = new AtomicReference<>();
        AuthorizationToken token = new AuthorizationToken(options.userAgent(), credentials.accessKey());
        Duration limit = options.handshakeTimeout();
        long started = env.nanoTime().getAsLong();
        Scheduler.Cancellable deadline = env.scheduler().schedule(limit, () -> {
            ClientSession s = sessionRef.get();
            String detail = "no session with " + endpoint.address() + " within " + limit.toMillis() + " ms (";
            HandshakeTimeoutException timeout = s == null ? new ConnectTimeoutException(detail + "still connecting)")
                    : new HandshakeTimeoutException(detail + "handshake in state " + s.state() + ")");
            if (result.completeExceptionally(timeout) && s != null) {
                s.abort(timeout);
            }
        });
        result.whenComplete((c, e) -> deadline.cancel());
        ClientSessionListener sessionListener = new ClientSessionListener() {
            @Override
            public void onEstablished(SessionInfo info) {
                HiveMindConnection c = new HiveMindConnection(sessionRef.get(), info, closed, listener, 1024);
                connection.set(c);
                if (!result.complete(c)) {
                    sessionRef.get().close(); // the deadline passed a moment ago
                }
            }

            @Override
            public void onMessage(HiveMessage message) {
                HiveMindConnection c = connection.get();
                if (c != null) {
                    c.deliver(message);
                }
            }

            @Override
            public void onClosed(int code, String reason, HiveMindException failure) {
                closed.complete(new HiveMindConnection.CloseInfo(code, reason, Optional.ofNullable(failure)));
                if (!result.isDone()) {
                    result.completeExceptionally(failure != null ? failure
                            : new dev.hivemind.api.error.ConnectionClosedException(code, reason));
                }
            }
        };
        ClientEndpoint bounded = endpoint.connectTimeout().compareTo(limit) <= 0 ? endpoint
                : new ClientEndpoint(endpoint.scheme(), endpoint.host(), endpoint.port(), endpoint.tls(),
                        endpoint.maxFrameBytes(), limit);
        transport.connect(bounded, token, conn -> {
            Duration left = limit.minusNanos(env.nanoTime().getAsLong() - started);
            if (result.isDone() || left.isNegative() || left.isZero()) {
                return new LateConnection(conn);
            }
            ClientSession s = new ClientSession(conn, credentials, endpoint.address(), methods,
                    options.withHandshakeTimeout(left), env, sessionListener);
            sessionRef.set(s);
            return s;
        }).whenComplete((conn, error) -> {
            if (error != null && !result.isDone()) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                result.completeExceptionally(cause instanceof HiveMindException ? cause
                        : new ConnectFailedException("cannot connect to " + endpoint.address() + ": "
                                + cause.getMessage(), cause));
            }
        });
        return result;
    }

    /** Releases the transport client (and the pools this client created for itself). */
    public void close() {
        transport.close();
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort
            }
        }
    }
}
