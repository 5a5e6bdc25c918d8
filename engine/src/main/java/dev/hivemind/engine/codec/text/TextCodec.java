package dev.hivemind.engine.codec.text;

import dev.hivemind.api.wire.TextEncoding;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One of HiveMind's text encodings for the fields of an encrypted JSON frame. Encoders produce exactly what
 * the Python implementation produces; decoders are strict: anything an honest encoder would not produce
 * (illegal characters, bad padding, non-canonical trailing bits) is an
 * {@link dev.hivemind.api.error.InvalidPayloadException} naming the encoding and the problem.
 */
public interface TextCodec {
    /** The encoding this codec implements. */
    TextEncoding encoding();

    /** Encodes bytes to text. */
    String encode(byte[] data);

    /**
     * Encodes {@code data[off, off+len)} as ASCII bytes into {@code out} at {@code outOff}, which must have room for
     * {@link #maxEncodedLength}{@code (len)} bytes; returns how many it wrote. Gives exactly {@link #encode}'s
     * characters; codecs on the message path override it to skip the intermediate arrays.
     */
    default int encodeInto(byte[] data, int off, int len, byte[] out, int outOff) {
        byte[] ascii = encode(Arrays.copyOfRange(data, off, off + len)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, out, outOff, ascii.length);
        return ascii.length;
    }

    /**
     * Whether encoded text may hold a character JSON must escape ({@code "}, {@code \} or a control character), so
     * that a writer has to scan it. True unless a codec's alphabet rules that out.
     */
    default boolean mayNeedJsonEscapes() {
        return true;
    }

    /** An upper bound of the encoded length of {@code length} bytes in any HiveMind encoding (hex is the widest). */
    static int maxEncodedLength(int length) {
        return 2 * length + 16;
    }

    /**
     * Decodes text to bytes.
     *
     * @throws dev.hivemind.api.error.InvalidPayloadException if the text is not a valid encoding
     */
    byte[] decode(String text);
}
