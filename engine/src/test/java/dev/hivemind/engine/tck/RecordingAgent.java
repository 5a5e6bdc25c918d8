package dev.hivemind.engine.tck;

import dev.hivemind.api.agent.HiveAgent;
import dev.hivemind.api.agent.PeerSession;
import dev.hivemind.api.wire.HiveMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real agent for tests: records what reaches the application and echoes every message back to its sender. */
public final class RecordingAgent implements HiveAgent {
    private final List<HiveMessage> received = new CopyOnWriteArrayList<>();
    private final List<PeerSession> established = new CopyOnWriteArrayList<>();
    private final List<PeerSession> closed = new CopyOnWriteArrayList<>();
    private volatile boolean echo = true;

    @Override
    public String name() {
        return "recording";
    }

    public RecordingAgent echo(boolean on) {
        this.echo = on;
        return this;
    }

    @Override
    public void onSessionEstablished(PeerSession peer) {
        established.add(peer);
    }

    @Override
    public void onMessage(PeerSession peer, HiveMessage message) {
        received.add(message);
        if (echo) {
            peer.send(message.toBuilder().sourcePeer(null).build());
        }
    }

    @Override
    public void onSessionClosed(PeerSession peer) {
        closed.add(peer);
    }

    /** Messages that reached the application. */
    public List<HiveMessage> received() {
        return received;
    }

    public List<PeerSession> established() {
        return established;
    }

    public List<PeerSession> closedSessions() {
        return closed;
    }
}
