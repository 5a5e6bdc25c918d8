package dev.hivemind.engine.codec.binary;

import dev.hivemind.api.error.FrameTooLargeException;
import dev.hivemind.api.error.InvalidPayloadException;
import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib streams (RFC 1950) as Python's {@code zlib.compress}/{@code zlib.decompress} use them, with a bounded inflate.
 * Each thread reuses one deflater, one inflater and one chunk buffer (a zlib stream's native state costs far more to
 * set up than a small message costs to compress).
 */
final class Zlib {
    private static final ThreadLocal<Zlib> LOCAL = ThreadLocal.withInitial(Zlib::new);

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    private final Inflater inflater = new Inflater();
    private final byte[] chunk = new byte[8192];

    private Zlib() {
    }

    /** Compresses at the default level (6), zlib header {@code 78 9c}. */
    static byte[] compress(byte[] data) {
        Zlib z = LOCAL.get();
        Deflater deflater = z.deflater;
        byte[] chunk = z.chunk;
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 16);
            while (!deflater.finished()) {
                int n = deflater.deflate(chunk);
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.reset();
            java.util.Arrays.fill(chunk, (byte) 0);
        }
    }

    /**
     * Inflates one complete zlib stream that must fill {@code data} exactly and expand to at most
     * {@code limit} bytes; a larger output (a zip bomb) stops as soon as the limit is passed.
     *
     * @param frameLimit the per-frame bound reported in the error
     */
    static byte[] decompress(byte[] data, int limit, int frameLimit, String what) {
        Zlib z = LOCAL.get();
        Inflater inflater = z.inflater;
        byte[] chunk = z.chunk;
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, Math.max(64, data.length * 4)));
            long total = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0) {
                    if (inflater.finished()) {
                        break;
                    }
                    if (inflater.needsDictionary()) {
                        throw invalid(what + ": zlib stream needs a preset dictionary");
                    }
                    throw invalid(what + ": truncated zlib stream");
                }
                total += n;
                if (total > limit) {
                    throw new FrameTooLargeException("message too big",
                            what + " inflates beyond the frame limit of " + frameLimit + " bytes");
                }
                out.write(chunk, 0, n);
            }
            if (inflater.getRemaining() != 0) {
                throw invalid(what + ": trailing bytes after the zlib stream");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw invalid(what + ": corrupt zlib data");
        } finally {
            inflater.reset();
            java.util.Arrays.fill(chunk, (byte) 0);
        }
    }

    private static InvalidPayloadException invalid(String detail) {
        return new InvalidPayloadException("malformed binary frame", detail);
    }
}
