package dev.hivemind.engine.hub.router;

import dev.hivemind.api.agent.BinaryHandler;
import dev.hivemind.api.agent.BinaryInput;
import dev.hivemind.api.agent.HiveAgent;
import dev.hivemind.api.agent.HubBus;
import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.wire.HiveMessage;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls into the agent and the binary handler. A plugin's exception is logged and contained: it never closes the
 * sender's connection or stops routing.
 */
final class AgentCalls {
    private static final Logger LOG = LoggerFactory.getLogger(AgentCalls.class);

    private final HiveAgent agent;
    private final Optional<BinaryHandler> binary;

    AgentCalls(HiveAgent agent, Optional<BinaryHandler> binary) {
        this.agent = agent;
        this.binary = binary;
    }

    void start(HubBus bus) {
        agent.start(bus);
        binary.ifPresent(b -> b.start(bus));
    }

    void stop() {
        call(agent.name(), "stop", agent::stop);
        binary.ifPresent(b -> call(b.name(), "stop", b::stop));
    }

    void established(PeerInfo peer) {
        call(agent.name(), "onSessionEstablished", () -> agent.onSessionEstablished(peer));
    }

    void message(PeerInfo from, HiveMessage message) {
        call(agent.name(), "onMessage", () -> agent.onMessage(from, message));
    }

    void sharedBus(PeerInfo from, HiveMessage message) {
        call(agent.name(), "onSharedBus", () -> agent.onSharedBus(from, message));
    }

    void closed(PeerInfo peer) {
        call(agent.name(), "onSessionClosed", () -> agent.onSessionClosed(peer));
    }

    void binary(PeerInfo from, BinaryInput input) {
        if (binary.isEmpty()) {
            LOG.debug("ignoring {} from {}: no binary handler configured", input, from.peerId());
            return;
        }
        call(binary.get().name(), "onBinary", () -> binary.get().onBinary(from, input));
    }

    private static void call(String plugin, String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("plugin '{}' failed in {}: {}", plugin, what, e.toString(), e);
        }
    }
}
