package dev.hivemind.api.agent;

import dev.hivemind.api.plugin.NamedPlugin;
import dev.hivemind.api.wire.HiveMessage;

/**
 * What the hub does with messages from established sessions (an echo agent, a Vert.x event-bus bridge, an OVOS
 * bus). Discovered with {@link java.util.ServiceLoader}; the configuration selects one by name. The engine has
 * already applied the client's permissions before {@link #onMessage} is called. Callbacks run on the session's
 * thread and must not block.
 */
public interface HiveAgent extends NamedPlugin {
    /** A session finished its handshake and its client HELLO. */
    default void onSessionEstablished(PeerSession peer) {
    }

    /** An authorised message from a peer. */
    void onMessage(PeerSession peer, HiveMessage message);

    /** A session ended. */
    default void onSessionClosed(PeerSession peer) {
    }
}
