package dev.hivemind.api.wire;

import dev.hivemind.api.error.ProtocolViolationException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable HiveMind message with the eight wire fields ({@code msg_type}, {@code payload},
 * {@code metadata}, {@code route}, {@code node}, {@code target_site_id}, {@code target_pubkey},
 * {@code source_peer}), in that order on the wire.
 *
 * <p>The payload is a JSON object for every type except {@link MessageType#BINARY}, which carries raw bytes
 * and a {@link BinaryPayloadType} instead and has no JSON form. For BUS messages the payload is an OVOS
 * message {@code {"type","data","context"}}; for BROADCAST, PROPAGATE, ESCALATE, QUERY and CASCADE it is the
 * wire form of another HiveMessage.
 */
public final class HiveMessage {
    private final MessageType type;
    private final Map<String, Object> payload;
    private final byte[] binaryPayload;
    private final BinaryPayloadType binaryType;
    private final Map<String, Object> metadata;
    private final List<Object> route;
    private final String node;
    private final String targetSiteId;
    private final String targetPubkey;
    private final String sourcePeer;

    private HiveMessage(Builder b) {
        this.type = Objects.requireNonNull(b.type, "type");
        if (type == MessageType.BINARY) {
            if (b.binaryPayload == null) {
                throw new IllegalArgumentException("a BINARY message needs a binary payload");
            }
            this.binaryPayload = b.binaryPayload.clone();
            this.binaryType = b.binaryType == null ? BinaryPayloadType.UNDEFINED : b.binaryType;
            this.payload = Map.of();
        } else {
            if (b.binaryPayload != null) {
                throw new IllegalArgumentException("only BINARY messages carry a binary payload");
            }
            if (b.binaryType != null && b.binaryType != BinaryPayloadType.UNDEFINED) {
                throw new IllegalArgumentException("bin_type other than UNDEFINED on a " + type + " message");
            }
            this.binaryPayload = null;
            this.binaryType = BinaryPayloadType.UNDEFINED;
            this.payload = b.payload == null ? Map.of() : JsonValues.immutableObject(b.payload);
        }
        this.metadata = b.metadata == null ? Map.of() : JsonValues.immutableObject(b.metadata);
        @SuppressWarnings("unchecked")
        List<Object> r = b.route == null ? List.of() : (List<Object>) JsonValues.immutableCopy(b.route);
        this.route = r;
        this.node = b.node;
        this.targetSiteId = b.targetSiteId;
        this.targetPubkey = b.targetPubkey;
        this.sourcePeer = b.sourcePeer;
    }

    /** A builder for a message of the given type. */
    public static Builder builder(MessageType type) {
        return new Builder(type);
    }

    /** A BUS message carrying an OVOS message {@code {"type", "data", "context"}}. */
    public static HiveMessage bus(String ovosType, Map<String, ?> data, Map<String, ?> context) {
        return builder(MessageType.BUS)
                .payload(JsonValues.object("type", ovosType, "data", data == null ? Map.of() : data,
                        "context", context == null ? Map.of() : context))
                .build();
    }

    /** A BINARY message. */
    public static HiveMessage binary(BinaryPayloadType subtype, byte[] bytes, Map<String, ?> metadata) {
        return builder(MessageType.BINARY).binaryPayload(subtype, bytes).metadata(metadata).build();
    }

    /** A builder initialised with this message's fields. */
    public Builder toBuilder() {
        Builder b = new Builder(type);
        if (type == MessageType.BINARY) {
            b.binaryPayload(binaryType, binaryPayload);
        } else {
            b.payload(payload);
        }
        return b.metadata(metadata).route(route).node(node).targetSiteId(targetSiteId)
                .targetPubkey(targetPubkey).sourcePeer(sourcePeer);
    }

    public MessageType type() {
        return type;
    }

    /** The JSON payload; empty for BINARY messages. */
    public Map<String, Object> payload() {
        return payload;
    }

    /** A copy of the raw bytes of a BINARY message. */
    public byte[] binaryPayload() {
        if (binaryPayload == null) {
            throw new IllegalStateException(type + " messages have a JSON payload, not bytes");
        }
        return binaryPayload.clone();
    }

    /** The BINARY subtype; {@link BinaryPayloadType#UNDEFINED} for other types. */
    public BinaryPayloadType binaryType() {
        return binaryType;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    /** Route hops, each normally {@code {"source": PEER, "targets": [PEER, ...]}}. */
    public List<Object> route() {
        return route;
    }

    public String node() {
        return node;
    }

    public String targetSiteId() {
        return targetSiteId;
    }

    public String targetPubkey() {
        return targetPubkey;
    }

    public String sourcePeer() {
        return sourcePeer;
    }

    /** For a BUS message, the OVOS message type ({@code payload.type}). */
    public String busMessageType() {
        if (type != MessageType.BUS && type != MessageType.SHARED_BUS) {
            throw new IllegalStateException(type + " is not a bus message");
        }
        Object t = payload.get("type");
        if (!(t instanceof String s)) {
            throw new ProtocolViolationException("bus payload without a type", "bus payload has no string \"type\"");
        }
        return s;
    }

    public HiveMessage withSourcePeer(String peer) {
        return toBuilder().sourcePeer(peer).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof HiveMessage m)) {
            return false;
        }
        return type == m.type && payload.equals(m.payload) && Arrays.equals(binaryPayload, m.binaryPayload)
                && binaryType == m.binaryType && metadata.equals(m.metadata) && route.equals(m.route)
                && Objects.equals(node, m.node) && Objects.equals(targetSiteId, m.targetSiteId)
                && Objects.equals(targetPubkey, m.targetPubkey) && Objects.equals(sourcePeer, m.sourcePeer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, payload, Arrays.hashCode(binaryPayload), binaryType, metadata, route, node,
                targetSiteId, targetPubkey, sourcePeer);
    }

    /** A short description without payload contents (payloads may be private). */
    @Override
    public String toString() {
        return "HiveMessage[" + type.wireName()
                + (type == MessageType.BINARY ? ", " + binaryType + ", " + binaryPayload.length + " bytes"
                        : ", payload keys=" + dev.hivemind.api.log.LogSafe.list(payload.keySet()))
                + (sourcePeer == null ? "" : ", source_peer=" + dev.hivemind.api.log.LogSafe.text(sourcePeer)) + "]";
    }

    /** Builds {@link HiveMessage}s; every collection is deep-copied on {@link #build()}. */
    public static final class Builder {
        private final MessageType type;
        private Map<String, ?> payload;
        private byte[] binaryPayload;
        private BinaryPayloadType binaryType;
        private Map<String, ?> metadata;
        private List<?> route;
        private String node;
        private String targetSiteId;
        private String targetPubkey;
        private String sourcePeer;

        private Builder(MessageType type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        public Builder payload(Map<String, ?> payload) {
            this.payload = payload;
            return this;
        }

        public Builder binaryPayload(BinaryPayloadType subtype, byte[] bytes) {
            this.binaryType = subtype;
            this.binaryPayload = bytes;
            return this;
        }

        public Builder metadata(Map<String, ?> metadata) {
            this.metadata = metadata;
            return this;
        }

        public Builder route(List<?> route) {
            this.route = route;
            return this;
        }

        public Builder node(String node) {
            this.node = node;
            return this;
        }

        public Builder targetSiteId(String targetSiteId) {
            this.targetSiteId = targetSiteId;
            return this;
        }

        public Builder targetPubkey(String targetPubkey) {
            this.targetPubkey = targetPubkey;
            return this;
        }

        public Builder sourcePeer(String sourcePeer) {
            this.sourcePeer = sourcePeer;
            return this;
        }

        public HiveMessage build() {
            return new HiveMessage(this);
        }
    }
}
