package dev.hivemind.engine.tck.transport;

import java.io.IOException;
import java.time.Duration;

/**
 * A hand-driven client for abuse cases that a well-behaved {@link dev.hivemind.api.transport.TransportClient}
 * cannot produce. Each transport's test module implements it on a plain socket. A raw peer never answers pings.
 */
public interface RawPeer extends AutoCloseable {
    /** Sends one complete text frame. */
    void sendText(String text) throws IOException;

    /** Sends only the header of a data frame that announces {@code length} payload bytes, and nothing after it. */
    void sendOversizedHeader(long length) throws IOException;

    /**
     * Reads (and discards) what the server sends until a ping arrives; does not answer it.
     *
     * @return true if a ping arrived, false if the stream ended or a close frame came first
     */
    boolean awaitPing(Duration timeout) throws IOException;

    /**
     * Reads (and discards) what the server sends until its close frame arrives.
     *
     * @return the close code, or -1 if the stream ended without a close frame
     */
    int awaitClose(Duration timeout) throws IOException;

    /** Drops the connection abruptly (TCP reset), without a close frame. */
    void abort();

    /** Closes the socket quietly. */
    @Override
    void close();
}
