package dev.hivemind.engine.session;

import dev.hivemind.api.agent.SessionInfo;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.wire.HiveMessage;

/** What a {@link ClientSession} reports. Called on the connection's thread. */
public interface ClientSessionListener {
    /** The handshake completed and our HELLO is sent. */
    void onEstablished(SessionInfo info);

    /** A message from the server on the established session. */
    void onMessage(HiveMessage message);

    /**
     * The session ended. {@code failure} is the typed reason when it did not end normally: an
     * {@link dev.hivemind.api.error.AuthenticationException}, a {@link dev.hivemind.api.error.NegotiationException},
     * another {@link dev.hivemind.api.error.ProtocolViolationException}, a
     * {@link dev.hivemind.api.error.HandshakeTimeoutException}, or a
     * {@link dev.hivemind.api.error.ConnectionClosedException} when the server closed the connection.
     */
    void onClosed(int code, String reason, HiveMindException failure);
}
