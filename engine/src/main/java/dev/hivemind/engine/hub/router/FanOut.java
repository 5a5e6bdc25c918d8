package dev.hivemind.engine.hub.router;

import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import java.util.List;
import java.util.Objects;

/**
 * A relayed message for every peer of a hub node (or every hub below it), as one node of a cluster hands it to the
 * others: each delivers it to the peers it holds, so that every peer of the cluster receives it once.
 *
 * @param kind         who receives it
 * @param wrapperType  BROADCAST or PROPAGATE: hubs below receive {@code message} wrapped in it ({@link Kind#PEERS})
 * @param message      the inner message (satellites receive it as it is), or the INTERCOM ({@link Kind#HUBS})
 * @param route        the route the wrapper arrived with (hubs below receive it with the hub's hop added)
 * @param exceptPeerId the peer it came from (never sent back), or {@code null}
 */
public record FanOut(Kind kind, MessageType wrapperType, HiveMessage message, List<Object> route,
        String exceptPeerId) {

    /** Who receives a fan-out. */
    public enum Kind {
        /** Every peer: satellites the inner message, hubs below the wrapper. */
        PEERS,
        /** Every hub below, the message with the hub's route hop (an INTERCOM no peer holds). */
        HUBS
    }

    public FanOut {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(wrapperType, "wrapperType");
        Objects.requireNonNull(message, "message");
        route = List.copyOf(route);
    }
}
