package dev.hivemind.api.agent;

import dev.hivemind.api.plugin.NamedPlugin;
import dev.hivemind.api.wire.HiveMessage;

/**
 * What the hub does with the messages that are for it (an echo, a bridge to an OVOS messagebus, a Vert.x event bus).
 * Discovered with {@link java.util.ServiceLoader}; the configuration's {@code agent} selects one by name. The hub has
 * already checked the sender's permissions and routed everything that is for other peers; the agent answers through
 * the {@link HubBus} it gets in {@link #start}. Callbacks run on the sender's connection thread and must not block.
 */
public interface HiveAgent extends NamedPlugin {
    /** Called once, before the first session, with the bus to answer on. */
    default void start(HubBus bus) {
    }

    /** A session finished its handshake and its HELLO. */
    default void onSessionEstablished(PeerInfo peer) {
    }

    /**
     * A message for the hub: a satellite's BUS message (its OVOS context already rewritten as hivemind-core does:
     * {@code source}, {@code peer}, {@code session}, {@code destination}, blacklists), the BUS inside an ESCALATE that
     * reached the top of the hive, an INTERCOM addressed to the hub's own key, or a BUS message from the upstream hub
     * that names no local peer ({@code from.role()} is then {@link PeerInfo.Role#UPSTREAM}).
     */
    void onMessage(PeerInfo from, HiveMessage message);

    /** A SHARED_BUS message: a satellite sharing its own OVOS bus traffic, for monitoring. Never routed further. */
    default void onSharedBus(PeerInfo from, HiveMessage message) {
    }

    /** A session ended. */
    default void onSessionClosed(PeerInfo peer) {
    }

    /** Called once when the hub stops. */
    default void stop() {
    }
}
