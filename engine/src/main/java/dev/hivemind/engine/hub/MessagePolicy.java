package dev.hivemind.engine.hub;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import java.util.Optional;

/** hivemind-core's per-client permissions, inbound and outbound. */
final class MessagePolicy {

    /** Why an inbound message is refused, or empty if it may pass. */
    Optional<String> refusal(ClientRecord client, HiveMessage message) {
        MessageType type = message.type();
        switch (type) {
            case BUS -> {
                Object t = message.payload().get("type");
                if (!(t instanceof String busType)) {
                    return Optional.of("bus message without a type");
                }
                if (!client.allowedTypes().contains(busType)) {
                    return Optional.of("bus type '" + busType + "' is not in allowed_types");
                }
            }
            case BROADCAST -> {
                if (!client.admin() || !client.canBroadcast()) {
                    return Optional.of("only admins may broadcast");
                }
            }
            case PROPAGATE -> {
                if (!client.canPropagate()) {
                    return Optional.of("client may not propagate");
                }
            }
            case ESCALATE -> {
                if (!client.canEscalate()) {
                    return Optional.of("client may not escalate");
                }
            }
            default -> {
            }
        }
        return Optional.empty();
    }

    /** Whether an outbound message may be sent to the client (its {@code message_blacklist}). */
    boolean mayDeliver(ClientRecord client, HiveMessage message) {
        if (message.type() == MessageType.BUS && message.payload().get("type") instanceof String busType) {
            return !client.messageBlacklist().contains(busType);
        }
        return true;
    }
}
