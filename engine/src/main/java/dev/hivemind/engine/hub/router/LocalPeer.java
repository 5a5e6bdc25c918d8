package dev.hivemind.engine.hub.router;

import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.engine.session.ServerSession;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;

/**
 * A peer connected to this process: its session, directory entry, parsed HELLO key and stored OVOS session. The
 * stored session is read and written only on the session's own thread (inbound messages).
 */
final class LocalPeer {
    final ServerSession session;
    final PeerEntry entry;
    final RSAPublicKey publicKey;
    /** How often this peer's refused or undeliverable messages are logged. */
    final LogThrottle refusals = new LogThrottle();
    private Map<String, Object> storedSession;

    LocalPeer(ServerSession session, PeerEntry entry, RSAPublicKey publicKey, Map<String, Object> storedSession) {
        this.session = session;
        this.entry = entry;
        this.publicKey = publicKey;
        this.storedSession = storedSession;
    }

    PeerInfo info() {
        return entry.info();
    }

    String peerId() {
        return entry.peerId();
    }

    Map<String, Object> storedSession() {
        return storedSession;
    }

    void storedSession(Map<String, Object> s) {
        storedSession = s;
    }
}
