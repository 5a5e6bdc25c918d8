package dev.hivemind.transport.tcp;

import io.vertx.core.buffer.Buffer;

/**
 * A bounded, incremental decoder for the TCP framing. It reads the five-byte header first and asks its listener
 * whether to accept the announced kind and length; only then does it wait for the payload, so a refused length
 * is never read or allocated. It holds at most one header, one payload and the rest of one read.
 *
 * <p>Not thread-safe: feed it from the connection's event loop only.
 */
final class FrameDecoder {
    /** Receives decoded frames. */
    interface Listener {
        /**
         * A header arrived. Return {@code false} to refuse it; the listener then closes the connection, and the
         * decoder stops.
         *
         * @param kind   the kind byte (0..255)
         * @param length the announced payload length (0..2^32-1)
         */
        boolean onHeader(int kind, long length);

        /** A complete frame whose header was accepted. */
        void onFrame(FrameKind kind, Buffer payload);
    }

    private final Listener listener;
    private Buffer pending = Buffer.buffer(0);
    private int position;
    private FrameKind kind;
    private int length = -1;
    private boolean suspended;
    private boolean stopped;

    FrameDecoder(Listener listener) {
        this.listener = listener;
    }

    /** Adds bytes read from the socket and decodes what is complete. */
    void feed(Buffer chunk) {
        if (stopped) {
            return;
        }
        if (position == pending.length()) {
            pending = chunk.copy();
            position = 0;
        } else {
            pending.appendBuffer(chunk);
        }
        decode();
    }

    /** Stops delivering frames until {@link #resume()}; bytes keep accumulating (the caller pauses the socket). */
    void suspend() {
        suspended = true;
    }

    /** Delivers again, starting with the bytes held back. */
    void resume() {
        suspended = false;
        decode();
    }

    /** Stops for good and drops everything held. */
    void stop() {
        stopped = true;
        pending = Buffer.buffer(0);
        position = 0;
    }

    /** Bytes held but not yet delivered (a test seam for the buffering bound). */
    int heldBytes() {
        return pending.length() - position;
    }

    private void decode() {
        while (!suspended && !stopped) {
            int available = pending.length() - position;
            if (length < 0) {
                if (available < TcpFrames.HEADER_BYTES) {
                    break;
                }
                int k = pending.getUnsignedByte(position);
                long announced = pending.getUnsignedInt(position + 1);
                position += TcpFrames.HEADER_BYTES;
                if (!listener.onHeader(k, announced)) {
                    stop();
                    return;
                }
                kind = FrameKind.of(k);
                if (kind == null || announced > Integer.MAX_VALUE - TcpFrames.HEADER_BYTES) {
                    // a listener must refuse these; never trust it to
                    stop();
                    return;
                }
                length = (int) announced;
            } else {
                if (available < length) {
                    break;
                }
                Buffer payload = pending.getBuffer(position, position + length);
                position += length;
                FrameKind k = kind;
                kind = null;
                length = -1;
                listener.onFrame(k, payload);
            }
        }
        compact();
    }

    private void compact() {
        if (stopped) {
            return;
        }
        if (position == pending.length()) {
            pending = Buffer.buffer(0);
            position = 0;
        } else if (position > 0) {
            pending = pending.getBuffer(position, pending.length());
            position = 0;
        }
    }
}
