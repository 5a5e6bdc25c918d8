package dev.hivemind.api.agent;

import dev.hivemind.api.wire.HiveMessage;
import java.util.Map;

/**
 * The hub's bus as agents and binary handlers see it: the way back to satellites and, in a hive of hives, up to the
 * upstream hub. Routing, permissions and each recipient's {@code message_blacklist} are the hub's business; every
 * method is safe from any thread and never blocks.
 */
public interface HubBus {
    /** The hub's node id ({@code node_id}, the {@code source_peer} of what the hub forwards). */
    String nodeId();

    /** The peers the hub can deliver to. */
    PeerDirectory directory();

    /**
     * Routes an OVOS message ({@code {"type", "data", "context"}}) as hivemind-core routes its agent bus: to every peer
     * whose peer id appears in {@code context.destination} (a string or a list), as a BUS message whose
     * {@code context.source} is {@code "hive"}. An OVOS {@code reply()} to a satellite's message names it there.
     *
     * @return how many peers it was sent to (0: nobody is named, which is normal for internal traffic)
     */
    int emit(Map<String, Object> ovosMessage);

    /**
     * As {@link #emit}, but only to the named peers that are connected to this hub node. In a cluster of hub nodes
     * every node runs its own agent; a message that each of them receives (published on a clustered event bus) reaches
     * each peer once when every node emits it here. On a hub that is not part of a cluster this is {@link #emit}.
     *
     * @return how many peers it was sent to
     */
    default int emitLocal(Map<String, Object> ovosMessage) {
        return emit(ovosMessage);
    }

    /** Sends a message to one peer; {@code false} if no such peer is connected. */
    boolean send(String peerId, HiveMessage message);

    /**
     * Broadcasts {@code inner} from the hub: every satellite receives {@code inner} itself, every hub below receives it
     * wrapped in a BROADCAST to pass it on.
     */
    void broadcast(HiveMessage inner);

    /** As {@link #broadcast}, wrapped in PROPAGATE for hubs below, and also sent to the upstream hub if there is one. */
    void propagate(HiveMessage inner);

    /** Sends {@code inner} to the upstream hub wrapped in ESCALATE; {@code false} without a connected upstream. */
    boolean escalate(HiveMessage inner);
}
