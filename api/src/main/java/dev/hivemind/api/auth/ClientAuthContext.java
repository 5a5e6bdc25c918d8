package dev.hivemind.api.auth;

import dev.hivemind.api.handshake.ServerHello;
import java.security.SecureRandom;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** What a client-side exchange may use while serving one connection. */
public interface ClientAuthContext {
    /** The credentials the user configured. */
    ClientCredentials credentials();

    /** The server's HELLO (its {@code pubkey} is what RSA verifies and pins). */
    ServerHello serverHello();

    /** {@code host:port} of the server, the key under which server keys are pinned. */
    String serverAddress();

    /** Random source (a test seam). */
    SecureRandom random();

    /** Runs a CPU-heavy step off the I/O thread; the stage completes on the connection's thread. */
    <T> CompletionStage<T> compute(Supplier<T> task);
}
