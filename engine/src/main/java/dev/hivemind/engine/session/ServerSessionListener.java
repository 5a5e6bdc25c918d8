package dev.hivemind.engine.session;

import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.wire.HiveMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** How a {@link ServerSession} reports to its hub. Called on the session's connection thread. */
public interface ServerSessionListener {
    /** The session finished its handshake and client HELLO. */
    void onEstablished(ServerSession session);

    /** An application message arrived on an established session ({@code source_peer} already set to the peer id). */
    void onMessage(ServerSession session, HiveMessage message);

    /**
     * A client without credentials proved the key it presented to {@code method}, which enrols on first use: store it.
     * Completes with whether the client now holds that credential (the session is established only then); may
     * complete on any thread. The default stores nothing.
     */
    default CompletionStage<Boolean> enroll(ServerSession session, ServerAuthFactory method, String credential) {
        return CompletableFuture.completedFuture(false);
    }

    /** The session ended; {@code wasEstablished} tells whether {@link #onEstablished} had been called. */
    void onClosed(ServerSession session, boolean wasEstablished, int code, String reason);

    /**
     * The session is about to close because a credential was refused before it was established (wrong password or
     * pre-shared key, bad or replayed envelope): an authentication failure, unlike a timeout or a peer leaving.
     */
    default void onAuthenticationFailure(ServerSession session) {
    }

    /**
     * Called before each CPU-heavy auth step the session runs (PBKDF2, RSA): the hub charges it to the connection's
     * budget, or throws a typed error to refuse it. Returns the source the worker pool queues the step under.
     */
    default String beforeComputation(ServerSession session) {
        return "";
    }
}
