package dev.hivemind.engine.session;

import dev.hivemind.api.wire.HiveMessage;

/** How a {@link ServerSession} reports to its hub. Called on the session's connection thread. */
public interface ServerSessionListener {
    /** The session finished its handshake and client HELLO. */
    void onEstablished(ServerSession session);

    /** An application message arrived on an established session ({@code source_peer} already set to the peer id). */
    void onMessage(ServerSession session, HiveMessage message);

    /** The session ended; {@code wasEstablished} tells whether {@link #onEstablished} had been called. */
    void onClosed(ServerSession session, boolean wasEstablished, int code, String reason);
}
