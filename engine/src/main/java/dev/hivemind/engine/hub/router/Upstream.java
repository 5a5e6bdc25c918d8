package dev.hivemind.engine.hub.router;

import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.wire.HiveMessage;
import java.util.Optional;

/** The hub this node is a satellite of, as the router uses it. */
public interface Upstream extends AutoCloseable {
    /** Starts connecting (and reconnecting); messages from the upstream hub go to the router. */
    void start(Router router);

    /** Sends a message up; {@code false} when the link is down (the message is dropped, and logged by the caller). */
    boolean send(HiveMessage message);

    /** The upstream hub as a peer, while connected. */
    Optional<PeerInfo> peer();

    /** Disconnects for good. */
    @Override
    void close();
}
