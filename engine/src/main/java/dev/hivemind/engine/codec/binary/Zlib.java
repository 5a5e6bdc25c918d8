package dev.hivemind.engine.codec.binary;

import dev.hivemind.api.error.FrameTooLargeException;
import dev.hivemind.api.error.InvalidPayloadException;
import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** zlib streams (RFC 1950) as Python's {@code zlib.compress}/{@code zlib.decompress} use them, with a bounded inflate. */
final class Zlib {
    private Zlib() {
    }

    /** Compresses at the default level (6), zlib header {@code 78 9c}. */
    static byte[] compress(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 16);
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(chunk);
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * Inflates one complete zlib stream that must fill {@code data} exactly and expand to at most
     * {@code limit} bytes; a larger output (a zip bomb) stops as soon as the limit is passed.
     *
     * @param frameLimit the per-frame bound reported in the error
     */
    static byte[] decompress(byte[] data, int limit, int frameLimit, String what) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, Math.max(64, data.length * 4)));
            byte[] chunk = new byte[8192];
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
            inflater.end();
        }
    }

    private static InvalidPayloadException invalid(String detail) {
        return new InvalidPayloadException("malformed binary frame", detail);
    }
}
