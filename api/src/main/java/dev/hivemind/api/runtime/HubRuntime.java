package dev.hivemind.api.runtime;

import dev.hivemind.api.transport.ConnectionAcceptor;

/** A running hub: the acceptor its transports feed. Closing it ends every session it owns. */
public interface HubRuntime extends AutoCloseable {
    /** The acceptor to hand to a transport server. */
    ConnectionAcceptor acceptor();

    @Override
    void close();
}
