package dev.hivemind.transport.tcp;

import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.engine.tck.transport.EngineOverTransportContractTest;

/** The engine's sessions over real TCP connections on loopback. */
class TcpEngineContractTest extends EngineOverTransportContractTest {
    @Override
    protected TransportFactory factory() {
        return new TcpTransportFactory();
    }

    @Override
    protected String plainScheme() {
        return "tcp";
    }
}
