package dev.hivemind.transport.tcp;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** Encodes frames: one kind byte, a big-endian uint32 length, the payload. */
final class TcpFrames {
    static final int HEADER_BYTES = 5;

    private TcpFrames() {
    }

    static Buffer encode(FrameKind kind, byte[] payload) {
        return Buffer.buffer(HEADER_BYTES + payload.length)
                .appendByte((byte) kind.code())
                .appendUnsignedInt(payload.length)
                .appendBytes(payload);
    }

    static Buffer text(String text) {
        return encode(FrameKind.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A CLOSE frame: the code as uint16, then the reason in UTF-8 (the caller keeps it within 123 bytes). */
    static Buffer close(int code, String reason) {
        byte[] r = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + r.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(r, 0, payload, 2, r.length);
        return encode(FrameKind.CLOSE, payload);
    }
}
