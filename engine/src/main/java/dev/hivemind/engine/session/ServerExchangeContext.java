package dev.hivemind.engine.session;

import dev.hivemind.api.auth.ServerAuthContext;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.handshake.ServerHello;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.engine.auth.MethodGrant;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The auth context handed to one of a {@link ServerSession}'s exchanges. Holds only what does not change, so an
 * exchange may call it from any thread; the stages it returns complete on the connection's thread.
 */
final class ServerExchangeContext implements ServerAuthContext {
    private final ServerSession session;
    private final MethodGrant grant;
    private final ServerHello hello;
    private final SessionEnvironment env;
    private final ServerSessionListener listener;

    ServerExchangeContext(ServerSession session, MethodGrant grant, ServerHello hello, SessionEnvironment env,
            ServerSessionListener listener) {
        this.session = session;
        this.grant = grant;
        this.hello = hello;
        this.env = env;
        this.listener = listener;
    }

    @Override
    public ClientRecord client() {
        return session.client();
    }

    @Override
    public Optional<String> credential() {
        return grant.credential();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return session.connection().remoteAddress();
    }

    @Override
    public <T> CompletionStage<T> blocking(Supplier<T> task) {
        InetSocketAddress peer = session.connection().remoteAddress();
        String source = peer == null ? "" : peer.getAddress() == null ? peer.getHostString()
                : peer.getAddress().getHostAddress();
        return env.io().compute(source, task, session.connection().executor());
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
            source = listener.beforeComputation(session);
        } catch (HiveMindException e) {
            return CompletableFuture.failedFuture(e);
        }
        return env.workers().compute(source, task, session.connection().executor());
    }
}
