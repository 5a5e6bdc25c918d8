package dev.hivemind.engine.session;

import dev.hivemind.api.error.InvalidPayloadException;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.engine.codec.ScratchBuffers;
import dev.hivemind.engine.codec.binary.Binarizer;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.codec.json.Utf8;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.crypto.SessionCrypto;

/**
 * Turns frames into messages and back for one session state: plaintext JSON before a key exists, encrypted JSON text
 * or encrypted bit-packed binary after. Stateless; the session passes its current crypto state in.
 */
public final class SessionFraming {
    private final HiveMessageCodec json;
    private final Binarizer binarizer;

    public SessionFraming(HiveMessageCodec json, Binarizer binarizer) {
        this.json = json;
        this.binarizer = binarizer;
    }

    /** The JSON message codec this framing uses. */
    public HiveMessageCodec codec() {
        return json;
    }

    /** A decoded inbound frame and whether it arrived encrypted. */
    public record Inbound(HiveMessage message, boolean encrypted) {
    }

    /**
     * Decodes a frame. With a key, binary frames are always decrypted and text frames are decrypted when they are an
     * encrypted envelope (they carry {@code "ciphertext"}, the rule hivemind-core applies); otherwise the frame is
     * plaintext and the caller decides whether plaintext is acceptable in its state.
     */
    public Inbound decode(Frame frame, SessionCrypto crypto, TextEncoding encoding) {
        if (frame instanceof Frame.Binary b) {
            byte[] data = b.data();
            if (crypto != null) {
                return new Inbound(binarizer.decode(crypto.openBinary(data)), true);
            }
            return new Inbound(binarizer.decode(data), false);
        }
        String text = ((Frame.Text) frame).text();
        if (crypto != null && text.contains("\"ciphertext\"")) {
            byte[] plain = crypto.openText(text, encoding);
            try {
                return new Inbound(json.parse(utf8(plain)), true);
            } finally {
                java.util.Arrays.fill(plain, (byte) 0);
            }
        }
        return new Inbound(json.parse(text), false);
    }

    /** A plaintext text frame (HELLO and HANDSHAKE from a server; anything before a key exists). */
    public Frame plain(HiveMessage message) {
        if (message.type() == MessageType.BINARY) {
            return Frame.binary(binarizer.encode(message));
        }
        return Frame.text(json.serialize(message));
    }

    /**
     * Encodes an application message under the session key: BINARY always, and every other type except
     * HELLO, HANDSHAKE and INTERCOM when {@code binarize} was negotiated, travel bit-packed in a binary frame;
     * the rest as encrypted JSON text in the negotiated encoding.
     */
    public Frame encrypted(HiveMessage message, SessionCrypto crypto, TextEncoding encoding, boolean binarize) {
        MessageType t = message.type();
        boolean packed = t == MessageType.BINARY
                || (binarize && t != MessageType.HELLO && t != MessageType.HANDSHAKE && t != MessageType.INTERCOM);
        if (packed) {
            byte[] packedPlain = binarizer.encode(message);
            try {
                return Frame.binary(crypto.sealBinary(packedPlain));
            } finally {
                java.util.Arrays.fill(packedPlain, (byte) 0);
            }
        }
        ScratchBuffers scratch = ScratchBuffers.get();
        StringBuilder chars = scratch.chars();
        byte[] plain = null;
        int length = 0;
        try {
            json.serialize(message, chars);
            plain = scratch.plaintext(Utf8.maxEncodedLength(chars.length()));
            length = Utf8.encode(chars, plain);
            return Frame.text(crypto.sealText(plain, 0, length, encoding));
        } finally {
            scratch.release(chars);
            if (plain != null) {
                ScratchBuffers.wipe(plain, length);
            }
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return HiveJson.strictUtf8(bytes);
        } catch (InvalidPayloadException e) {
            throw new InvalidPayloadException("invalid UTF-8", "decrypted payload is not valid UTF-8");
        }
    }
}
