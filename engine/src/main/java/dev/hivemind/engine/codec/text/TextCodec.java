package dev.hivemind.engine.codec.text;

import dev.hivemind.api.wire.TextEncoding;

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
     * Decodes text to bytes.
     *
     * @throws dev.hivemind.api.error.InvalidPayloadException if the text is not a valid encoding
     */
    byte[] decode(String text);
}
