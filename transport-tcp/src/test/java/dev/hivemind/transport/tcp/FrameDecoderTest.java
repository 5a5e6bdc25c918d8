package dev.hivemind.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    /** Records frames and headers; refuses headers announcing more than {@code max} bytes. */
    private static final class Recorder implements FrameDecoder.Listener {
        final long max;
        final List<String> frames = new ArrayList<>();
        final List<Long> refused = new ArrayList<>();

        Recorder(long max) {
            this.max = max;
        }

        @Override
        public boolean onHeader(int kind, long length) {
            if (FrameKind.of(kind) == null || length > max) {
                refused.add(length);
                return false;
            }
            return true;
        }

        @Override
        public void onFrame(FrameKind kind, Buffer payload) {
            frames.add(kind + ":" + payload.toString(StandardCharsets.UTF_8));
        }
    }

    private static byte[] frame(int kind, String payload) {
        return RawTcpPeer.frame(kind, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesAFrameSplitAcrossManyReads() {
        Recorder r = new Recorder(1024);
        FrameDecoder decoder = new FrameDecoder(r);
        byte[] bytes = frame(0x01, "{\"msg_type\": \"bus\"}");
        for (byte b : bytes) {
            decoder.feed(Buffer.buffer(new byte[] {b}));
        }
        assertEquals(List.of("TEXT:{\"msg_type\": \"bus\"}"), r.frames);
        assertEquals(0, decoder.heldBytes());
    }

    @Test
    void decodesManyFramesInOneRead() {
        Recorder r = new Recorder(1024);
        FrameDecoder decoder = new FrameDecoder(r);
        Buffer all = Buffer.buffer();
        for (int i = 0; i < 50; i++) {
            all.appendBytes(frame(i % 2 == 0 ? 0x01 : 0x02, "m" + i));
        }
        all.appendBytes(frame(0x09, ""));
        byte[] half = frame(0x01, "tail");
        all.appendBytes(half, 0, 7);
        decoder.feed(all);
        assertEquals(51, r.frames.size());
        assertEquals("BINARY:m49", r.frames.get(49));
        assertEquals("PING:", r.frames.get(50));
        assertEquals(2, decoder.heldBytes(), "the start of the next frame is kept");
        decoder.feed(Buffer.buffer(half).getBuffer(7, half.length));
        assertEquals("TEXT:tail", r.frames.get(51));
    }

    @Test
    void refusesAnOversizedLengthFromTheHeaderAlone() {
        Recorder r = new Recorder(1024);
        FrameDecoder decoder = new FrameDecoder(r);
        decoder.feed(Buffer.buffer(new byte[] {0x02, (byte) 0x80, 0, 0, 0}));
        assertEquals(List.of(2147483648L), r.refused);
        assertEquals(List.of(), r.frames);
        assertEquals(0, decoder.heldBytes(), "nothing is kept, let alone a 2 GiB buffer");
        decoder.feed(Buffer.buffer(new byte[4096]));
        assertEquals(0, decoder.heldBytes(), "a stopped decoder ignores further bytes");
    }

    @Test
    void refusesAnUnknownKind() {
        Recorder r = new Recorder(1024);
        FrameDecoder decoder = new FrameDecoder(r);
        decoder.feed(Buffer.buffer(frame(0x07, "x")));
        assertEquals(1, r.refused.size());
        assertEquals(List.of(), r.frames);
    }

    @Test
    void holdsFramesWhileSuspended() {
        Recorder r = new Recorder(1024);
        FrameDecoder decoder = new FrameDecoder(r);
        decoder.suspend();
        decoder.feed(Buffer.buffer(frame(0x01, "a")).appendBytes(frame(0x01, "b")));
        assertEquals(List.of(), r.frames);
        decoder.resume();
        assertEquals(List.of("TEXT:a", "TEXT:b"), r.frames);
    }

    @Test
    void acceptsAnEmptyPayload() {
        Recorder r = new Recorder(1024);
        new FrameDecoder(r).feed(Buffer.buffer(frame(0x02, "")));
        assertTrue(r.frames.contains("BINARY:"));
    }
}
