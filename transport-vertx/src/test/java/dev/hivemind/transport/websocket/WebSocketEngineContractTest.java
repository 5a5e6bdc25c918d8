package dev.hivemind.transport.websocket;

import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.engine.tck.transport.EngineOverTransportContractTest;

/** The engine's sessions over real WebSocket connections on loopback. */
class WebSocketEngineContractTest extends EngineOverTransportContractTest {
    @Override
    protected TransportFactory factory() {
        return new WebSocketTransportFactory();
    }

    @Override
    protected String plainScheme() {
        return "ws";
    }
}
