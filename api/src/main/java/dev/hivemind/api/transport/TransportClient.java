package dev.hivemind.api.transport;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** The connecting side of a transport, created by {@link TransportFactory#createClient}. */
public interface TransportClient extends AutoCloseable {
    /**
     * Connects and presents the token. The handler factory is called on the connection's executor once the
     * connection is open, before any frame is delivered. A refusal (HTTP 401 before the WebSocket upgrade, or a
     * CLOSE frame on TCP) completes the stage with a {@link dev.hivemind.api.error.ConnectionClosedException}
     * carrying the status or code.
     */
    CompletionStage<Connection> connect(ClientEndpoint endpoint, AuthorizationToken token,
            Function<Connection, ConnectionHandler> handlerFactory);

    /** Releases the client's resources (event loops it created). */
    @Override
    void close();
}
