package dev.hivemind.engine.hub;

import dev.hivemind.api.agent.PeerSession;
import dev.hivemind.api.agent.SessionInfo;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.engine.session.ServerSession;

/** The agent's view of a session: sends pass the client's outbound {@code message_blacklist}. */
final class FilteredPeer implements PeerSession {
    private final ServerSession session;
    private final MessagePolicy policy;
    private final HubMetrics metrics;

    FilteredPeer(ServerSession session, MessagePolicy policy, HubMetrics metrics) {
        this.session = session;
        this.policy = policy;
        this.metrics = metrics;
    }

    @Override
    public String peerId() {
        return session.peerId();
    }

    @Override
    public ClientRecord client() {
        return session.client();
    }

    @Override
    public SessionInfo sessionInfo() {
        return session.sessionInfo();
    }

    @Override
    public String siteId() {
        return session.siteId();
    }

    @Override
    public void send(HiveMessage message) {
        if (policy.mayDeliver(session.client(), message)) {
            metrics.messagesOut.incrementAndGet();
            metrics.observer.messageOut(message.type().wireName());
            session.send(message);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilteredPeer p && p.session == session;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(session);
    }
}
