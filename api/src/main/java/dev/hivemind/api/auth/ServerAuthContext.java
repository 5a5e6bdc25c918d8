package dev.hivemind.api.auth;

import dev.hivemind.api.handshake.ServerHello;
import dev.hivemind.api.registry.ClientRecord;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * What a server-side exchange may use while serving one connection. Every method may be called on the connection's
 * thread; the stage an exchange returns may complete on any thread (the hub continues on the connection's thread).
 */
public interface ServerAuthContext {
    /** The record the connection was admitted with (read it; the hub already decided this method may serve it). */
    ClientRecord client();

    /**
     * The credential the hub granted this method for the client: {@code client().credential(name)}. Empty only when
     * the hub lets an {@linkplain ServerAuthFactory#enrollable() enrollable} method enrol a first credential.
     */
    Optional<String> credential();

    /** The peer's address as the transport saw it (for logs, or for a method with its own per-address rules). */
    InetSocketAddress remoteAddress();

    /** The HELLO the server sent on this connection. */
    ServerHello serverHello();

    /** Random source (a test seam; production uses a strong {@link SecureRandom}). */
    SecureRandom random();

    /**
     * Runs a CPU-heavy step (PBKDF2, RSA) on the hub's bounded worker pool; the stage completes on the connection's
     * thread. When the pool is full it completes exceptionally with a
     * {@link dev.hivemind.api.error.ServerBusyException} (close 1013) instead of queueing.
     */
    <T> CompletionStage<T> compute(Supplier<T> task);

    /**
     * Runs a blocking step (a directory or database lookup) on the hub's executor for blocking I/O, a pool apart from
     * the CPU pool that runs PBKDF2, queued fairly by the peer's address; the stage completes on the connection's
     * thread, or exceptionally with a {@link dev.hivemind.api.error.ServerBusyException} (close 1013) when the pool is
     * full. A task is run or refused, never dropped.
     */
    <T> CompletionStage<T> blocking(Supplier<T> task);
}
