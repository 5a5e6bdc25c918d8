package dev.hivemind.api.auth;

import dev.hivemind.api.handshake.ServerHello;
import dev.hivemind.api.registry.ClientRecord;
import java.security.SecureRandom;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** What a server-side exchange may use while serving one connection. */
public interface ServerAuthContext {
    /** The client record the connection was admitted with: the credential policy. */
    ClientRecord client();

    /** The HELLO the server sent on this connection. */
    ServerHello serverHello();

    /** Random source (a test seam; production uses a strong {@link SecureRandom}). */
    SecureRandom random();

    /**
     * Runs a CPU-heavy step (PBKDF2, RSA) on the engine's bounded worker pool. The stage completes on the
     * connection's own thread. When the pool is full it completes exceptionally with a
     * {@link dev.hivemind.api.error.ServerBusyException} instead of queueing.
     */
    <T> CompletionStage<T> compute(Supplier<T> task);
}
