package dev.hivemind.engine.codec.binary;

import dev.hivemind.api.error.InvalidPayloadException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.wire.BinaryPayloadType;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.codec.json.HiveJson;
import java.util.Map;
import java.util.Objects;

/**
 * HiveMind's "binarize" bit packing (HIVEMIND-WIRE.md §5), MSB first:
 * <pre>
 * [0..7 zero pad bits][1][V][VERSION:8 if V][TYPE:5][Z][METALEN:8][META][BINTYPE:4 if BINARY][PAYLOAD...]
 * </pre>
 * padded with zero bits at the front to whole bytes. META is the JSON of the metadata, PAYLOAD the JSON of the
 * payload (raw bytes for BINARY); with Z = 1 both are zlib streams, except that BINARY payloads are never
 * compressed. Only the type, metadata, payload and BINARY subtype survive; routing fields are lost.
 *
 * <p>{@link #encode(HiveMessage)} sets Z = 1, because Python decoders using bitstring 4 treat every frame as
 * compressed (§5.3). Decoding honours Z, inflates within a bound (so a zip bomb fails early) and reports every
 * malformed frame as a typed error.
 */
public final class Binarizer {
    /** The binary framing version written when V = 1. */
    public static final int PROTOCOL_VERSION = 1;
    /** Largest metadata (after compression) that fits the 8-bit length field. */
    public static final int MAX_META_BYTES = 255;

    private static final int MAX_PAD_BITS = 7;

    private final HiveJson json;
    private final int maxInflatedBytes;

    /** A binarizer whose inflate bound is the JSON text limit. */
    public Binarizer(HiveJson json) {
        this(json, json.limits().maxTextBytes());
    }

    /** A binarizer that refuses to inflate more than {@code maxInflatedBytes} per frame. */
    public Binarizer(HiveJson json, int maxInflatedBytes) {
        this.json = Objects.requireNonNull(json, "json");
        if (maxInflatedBytes <= 0) {
            throw new IllegalArgumentException("maxInflatedBytes must be positive");
        }
        this.maxInflatedBytes = maxInflatedBytes;
    }

    /** Packs a message compressed (Z = 1) and unversioned, as Python peers can decode it. */
    public byte[] encode(HiveMessage m) {
        return encode(m, true, false);
    }

    /**
     * Packs a message.
     *
     * @param compress  set Z and zlib-compress META and (non-BINARY) PAYLOAD
     * @param versioned set V and write {@link #PROTOCOL_VERSION}
     * @throws ProtocolViolationException for INTERCOM (no binary code) or metadata too large for the length field
     */
    public byte[] encode(HiveMessage m, boolean compress, boolean versioned) {
        Objects.requireNonNull(m, "message");
        int code = m.type().binaryCode().orElseThrow(() -> new ProtocolViolationException(
                "message type has no binary form", m.type().wireName() + " messages have no binary form"));
        boolean binary = m.type() == MessageType.BINARY;
        byte[] meta = json.writeUtf8(m.metadata());
        byte[] payload = binary ? m.binaryPayload() : json.writeUtf8(m.payload());
        if (compress) {
            meta = Zlib.compress(meta);
            if (!binary) {
                payload = Zlib.compress(payload);
            }
        }
        if (meta.length > MAX_META_BYTES) {
            throw new ProtocolViolationException("metadata too large to binarize",
                    "metadata takes " + meta.length + " bytes; at most " + MAX_META_BYTES + " fit");
        }
        long bits = 1 + 1 + (versioned ? 8 : 0) + 5 + 1 + 8 + 8L * meta.length + (binary ? 4 : 0) + 8L * payload.length;
        int pad = (int) ((8 - bits % 8) % 8);
        long bytes = (bits + pad) / 8;
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("message too large to binarize");
        }
        BitWriter w = new BitWriter((int) bytes);
        w.skip(pad);
        w.bit(true);
        w.bit(versioned);
        if (versioned) {
            w.bits(PROTOCOL_VERSION, 8);
        }
        w.bits(code, 5);
        w.bit(compress);
        w.bits(meta.length, 8);
        w.bytes(meta);
        if (binary) {
            w.bits(m.binaryType().code(), 4);
        }
        w.bytes(payload);
        return w.toByteArray();
    }

    /**
     * Unpacks a binary frame (already decrypted).
     *
     * @throws InvalidPayloadException for a truncated or malformed frame, bad zlib data or bad JSON
     * @throws ProtocolViolationException for an unknown version, message type or BINARY subtype
     * @throws dev.hivemind.api.error.FrameTooLargeException when the frame inflates beyond the bound
     */
    public HiveMessage decode(byte[] data) {
        if (data == null || data.length == 0) {
            throw invalid("empty binary frame");
        }
        BitReader r = new BitReader(data);
        int zeros = 0;
        while (!r.bit()) {
            if (++zeros > MAX_PAD_BITS) {
                throw invalid("more than " + MAX_PAD_BITS + " leading zero bits");
            }
        }
        if (r.bit()) {
            int version = r.bits(8);
            if (version > PROTOCOL_VERSION) {
                throw new ProtocolViolationException("unsupported binary framing version",
                        "binary framing version " + version + " is newer than " + PROTOCOL_VERSION);
            }
        }
        int code = r.bits(5);
        MessageType type = MessageType.fromBinaryCode(code).orElseThrow(() -> new ProtocolViolationException(
                "unknown message type code", "unknown binary message type code " + code));
        boolean compressed = r.bit();
        int metaLength = r.bits(8);
        byte[] meta = r.bytes(metaLength);
        BinaryPayloadType subtype = null;
        if (type == MessageType.BINARY) {
            int subtypeCode = r.bits(4);
            subtype = BinaryPayloadType.fromCode(subtypeCode).orElseThrow(() -> new ProtocolViolationException(
                    "unknown binary payload type", "unknown BINARY subtype code " + subtypeCode));
        }
        if (r.remaining() % 8 != 0) {
            throw invalid("payload is not a whole number of bytes");
        }
        long payloadBytes = r.remaining() / 8;
        byte[] payload = r.bytes((int) payloadBytes);
        int budget = maxInflatedBytes;
        if (compressed) {
            meta = Zlib.decompress(meta, budget, maxInflatedBytes, "metadata");
            budget -= meta.length;
        }
        Map<String, Object> metadata = json.parseObject(meta);
        if (type == MessageType.BINARY) {
            return HiveMessage.binary(subtype, payload, metadata);
        }
        if (compressed) {
            payload = Zlib.decompress(payload, Math.max(budget, 0), maxInflatedBytes, "payload");
        }
        return HiveMessage.builder(type).payload(json.parseObject(payload)).metadata(metadata).build();
    }

    private static InvalidPayloadException invalid(String detail) {
        return new InvalidPayloadException("malformed binary frame", detail);
    }
}
