package dev.hivemind.engine.hub.router;

import dev.hivemind.api.wire.HiveMessage;

/**
 * The other nodes of a cluster of hub nodes, as the router reaches them: a message for a connection another node holds,
 * and relayed messages for every node's peers. Fire and forget, at most once: what a node that is gone or going does
 * not receive is lost, as a message to a satellite whose connection drops is. {@link #NONE} for a hub alone.
 */
public interface OtherNodes {
    /** A hub that is not part of a cluster: there is nobody else. */
    OtherNodes NONE = new OtherNodes() {
        @Override
        public void start(Router router) {
        }

        @Override
        public void post(String address, HiveMessage message) {
        }

        @Override
        public void fanOut(FanOut fanOut) {
        }

        @Override
        public void close() {
        }
    };

    /** Starts receiving from the other nodes: their posts and fan-outs go to {@code router}. */
    void start(Router router);

    /** Posts a message to an address held by another node ({@link PeerMailer}). */
    void post(String address, HiveMessage message);

    /** Hands a fan-out to every other node (each delivers it to its own peers with {@link Router#onFanOut}). */
    void fanOut(FanOut fanOut);

    /** Stops receiving. */
    void close();
}
