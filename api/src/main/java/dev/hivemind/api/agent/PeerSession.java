package dev.hivemind.api.agent;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.HiveMessage;

/** An established client session as an agent sees it. */
public interface PeerSession {
    /** The peer id, {@code USERAGENT::CLIENT_ID::NAME::SESSION_ID}. */
    String peerId();

    /** The client's record (its permissions). */
    ClientRecord client();

    /** What the handshake negotiated. */
    SessionInfo sessionInfo();

    /** The site id from the client's HELLO, or {@code null}. */
    String siteId();

    /** Sends a message to the client, encrypted with the session key. Safe from any thread. */
    void send(HiveMessage message);
}
