package dev.hivemind.engine.client;

import dev.hivemind.api.error.CloseCode;
import dev.hivemind.api.transport.Connection;
import dev.hivemind.api.transport.ConnectionHandler;
import dev.hivemind.api.transport.Frame;

/** The handler of a connection that opened after its connect deadline had passed: it is closed at once. */
final class LateConnection implements ConnectionHandler {
    private final Connection connection;

    LateConnection(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void onOpen() {
        connection.close(CloseCode.POLICY_VIOLATION, "handshake timeout");
    }

    @Override
    public void onFrame(Frame frame) {
        // the connection is closing
    }

    @Override
    public void onClosed(int code, String reason) {
        // nothing to release
    }
}
