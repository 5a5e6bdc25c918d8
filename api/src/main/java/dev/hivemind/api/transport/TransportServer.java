package dev.hivemind.api.transport;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;

/** A listening transport endpoint created by {@link TransportFactory#createServer}. */
public interface TransportServer extends AutoCloseable {
    /** Binds and starts accepting; completes with the bound address (the real port when 0 was asked). */
    CompletionStage<InetSocketAddress> start();

    /** Stops accepting and closes every open connection with 1001; completes when done. */
    CompletionStage<Void> stop();

    /** Stops and waits (bounded); for try-with-resources. */
    @Override
    default void close() {
        stop().toCompletableFuture().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
    }
}
