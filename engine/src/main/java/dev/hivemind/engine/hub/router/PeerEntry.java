package dev.hivemind.engine.hub.router;

import dev.hivemind.api.agent.PeerInfo;
import java.util.Objects;

/**
 * A directory entry: the peer and the address its messages are posted to ({@link PeerMailer}). The address is a
 * string, not a connection object, so that a directory shared between hub nodes can name a peer held elsewhere.
 */
public record PeerEntry(PeerInfo info, String address) {
    public PeerEntry {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(address, "address");
    }

    public String peerId() {
        return info.peerId();
    }
}
