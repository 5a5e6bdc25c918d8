package dev.hivemind.api.transport;

import java.util.concurrent.CompletionStage;

/**
 * The engine's entry point for server transports. A transport first asks {@link #admit} (before a WebSocket
 * upgrade completes), then, once the connection is open, {@link #open} to get the handler for its frames.
 */
public interface ConnectionAcceptor {
    /**
     * Decides whether to admit a connection. Never blocks the caller: a registry lookup runs elsewhere and the
     * stage completes later (on an arbitrary thread; transports hop back to their own).
     */
    CompletionStage<Admission> admit(AdmissionRequest request);

    /** Binds an admitted, open connection to a new engine session and returns its handler. */
    ConnectionHandler open(Connection connection, Admission.Accepted admission);
}
