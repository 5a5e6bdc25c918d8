package dev.hivemind.engine.tck;

import dev.hivemind.api.agent.BinaryHandler;
import dev.hivemind.api.agent.BinaryInput;
import dev.hivemind.api.agent.HubBus;
import dev.hivemind.api.agent.PeerInfo;
import dev.hivemind.api.wire.HiveMessage;

/** A real binary handler for tests: sends every BINARY message back to its sender. */
public final class EchoingBinaryHandler implements BinaryHandler {
    private volatile HubBus bus;

    @Override
    public String name() {
        return "echoing-binary";
    }

    @Override
    public void start(HubBus hubBus) {
        this.bus = hubBus;
    }

    @Override
    public void onBinary(PeerInfo from, BinaryInput input) {
        bus.send(from.peerId(), HiveMessage.binary(input.type(), input.bytes(), input.metadata()));
    }
}
