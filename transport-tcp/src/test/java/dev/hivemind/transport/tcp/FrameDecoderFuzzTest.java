package dev.hivemind.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The TCP frame decoder fed arbitrary bytes in arbitrary chunks (property-based, jqwik): it never throws, never holds
 * more than one accepted frame plus one read, delivers exactly the frames a sequential reader would, and stops for
 * good at the first refused header.
 */
class FrameDecoderFuzzTest {
    private static final int MAX_PAYLOAD = 1024;

    @Property
    void anyChunkingOfAnyBytesDecodesLikeOneSequentialRead(@ForAll("streams") byte[] stream,
            @ForAll("cuts") List<Integer> cuts) {
        List<String> expected = sequential(stream);
        List<String> got = new ArrayList<>();
        int[] maxHeld = {0};
        FrameDecoder[] holder = new FrameDecoder[1];
        holder[0] = new FrameDecoder(new FrameDecoder.Listener() {
            @Override
            public boolean onHeader(int kind, long length) {
                boolean ok = FrameKind.of(kind) != null && length <= MAX_PAYLOAD;
                if (!ok) {
                    got.add("refused");
                }
                return ok;
            }

            @Override
            public void onFrame(FrameKind kind, Buffer payload) {
                got.add(kind + ":" + payload.length());
            }
        });
        int at = 0;
        for (int cut : cuts) {
            int end = Math.min(stream.length, at + cut);
            if (at >= stream.length) {
                break;
            }
            holder[0].feed(Buffer.buffer(java.util.Arrays.copyOfRange(stream, at, end)));
            maxHeld[0] = Math.max(maxHeld[0], holder[0].heldBytes());
            assertTrue(holder[0].heldBytes() <= TcpFrames.HEADER_BYTES + MAX_PAYLOAD + cut,
                    "held " + holder[0].heldBytes() + " bytes");
            at = end;
        }
        if (at < stream.length) {
            holder[0].feed(Buffer.buffer(java.util.Arrays.copyOfRange(stream, at, stream.length)));
        }
        assertEquals(expected, got);
    }

    /** What a reader that has the whole stream at once decodes. */
    private static List<String> sequential(byte[] s) {
        List<String> out = new ArrayList<>();
        int p = 0;
        while (s.length - p >= TcpFrames.HEADER_BYTES) {
            int kind = s[p] & 0xff;
            long length = ((s[p + 1] & 0xffL) << 24) | ((s[p + 2] & 0xffL) << 16) | ((s[p + 3] & 0xffL) << 8)
                    | (s[p + 4] & 0xffL);
            if (FrameKind.of(kind) == null || length > MAX_PAYLOAD) {
                out.add("refused");
                return out;
            }
            if (s.length - p - TcpFrames.HEADER_BYTES < length) {
                return out;
            }
            out.add(FrameKind.of(kind) + ":" + length);
            p += TcpFrames.HEADER_BYTES + (int) length;
        }
        return out;
    }

    @Provide
    Arbitrary<byte[]> streams() {
        Arbitrary<byte[]> frame = net.jqwik.api.Combinators.combine(
                Arbitraries.of(0x01, 0x02, 0x03, 0x08, 0x09, 0x0A, 0x00, 0x07, 0xff),
                Arbitraries.integers().between(0, 1100),
                Arbitraries.integers().between(-3, 3)).as((kind, len, skew) -> {
                    int actual = Math.max(0, len + skew);
                    byte[] f = new byte[TcpFrames.HEADER_BYTES + actual];
                    f[0] = (byte) (int) kind;
                    f[1] = (byte) (len >>> 24);
                    f[2] = (byte) (len >>> 16);
                    f[3] = (byte) (len >>> 8);
                    f[4] = (byte) (int) len;
                    return f;
                });
        Arbitrary<byte[]> frames = frame.list().ofMaxSize(6).map(l -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            l.forEach(out::writeBytes);
            return out.toByteArray();
        });
        return Arbitraries.oneOf(frames, Arbitraries.bytes().array(byte[].class).ofMaxSize(64));
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(1, 700).list().ofMinSize(1).ofMaxSize(40);
    }
}
