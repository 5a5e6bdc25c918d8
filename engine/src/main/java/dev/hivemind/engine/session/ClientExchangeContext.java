package dev.hivemind.engine.session;

import dev.hivemind.api.auth.ClientAuthContext;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.handshake.ServerHello;
import dev.hivemind.api.transport.Connection;
import java.security.SecureRandom;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The auth context handed to a {@link ClientSession}'s exchanges. Holds only what does not change, so an exchange may
 * call it from any thread; the stages it returns complete on the connection's thread.
 */
final class ClientExchangeContext implements ClientAuthContext {
    private final ClientCredentials credentials;
    private final ServerHello hello;
    private final String serverAddress;
    private final SessionEnvironment env;
    private final Connection connection;

    ClientExchangeContext(ClientCredentials credentials, ServerHello hello, String serverAddress,
            SessionEnvironment env, Connection connection) {
        this.credentials = credentials;
        this.hello = hello;
        this.serverAddress = serverAddress;
        this.env = env;
        this.connection = connection;
    }

    @Override
    public ClientCredentials credentials() {
        return credentials;
    }

    @Override
    public ServerHello serverHello() {
        return hello;
    }

    @Override
    public String serverAddress() {
        return serverAddress;
    }

    @Override
    public SecureRandom random() {
        return env.random();
    }

    @Override
    public <T> CompletionStage<T> compute(Supplier<T> task) {
        return env.workers().compute(task, connection.executor());
    }
}
