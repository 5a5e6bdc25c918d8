package dev.hivemind.engine.codec.json;

import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.wire.BinaryPayloadType;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Converts {@link HiveMessage}s to and from their JSON wire form (HIVEMIND-WIRE.md §2.1).
 *
 * <p>Writing gives exactly what Python's {@code HiveMessage.serialize()} gives: the eight keys
 * {@code msg_type, payload, metadata, route, node, target_site_id, target_pubkey, source_peer} in that order,
 * with route hops kept only when they have a truthy {@code source} and truthy {@code targets}.
 *
 * <p>Reading accepts exactly the keys the Python server passes to its constructor ({@link #ALLOWED_KEYS});
 * any other key, an unknown {@code msg_type} or a field of the wrong type is a
 * {@link ProtocolViolationException} naming the field. A payload sent as a JSON string is parsed (as the
 * Python server does). {@code target_peers} is accepted and dropped, as it is never serialised.
 */
public final class HiveMessageCodec {
    public static final String MSG_TYPE = "msg_type";
    public static final String PAYLOAD = "payload";
    public static final String METADATA = "metadata";
    public static final String ROUTE = "route";
    public static final String NODE = "node";
    public static final String TARGET_SITE_ID = "target_site_id";
    public static final String TARGET_PUBKEY = "target_pubkey";
    public static final String SOURCE_PEER = "source_peer";
    public static final String TARGET_PEERS = "target_peers";
    public static final String BIN_TYPE = "bin_type";

    /** The keys a received message may carry: the Python HiveMessage constructor's parameters. */
    public static final Set<String> ALLOWED_KEYS = Set.of(MSG_TYPE, PAYLOAD, NODE, SOURCE_PEER, ROUTE, TARGET_PEERS,
            TARGET_SITE_ID, TARGET_PUBKEY, BIN_TYPE, METADATA);

    private final HiveJson json;

    public HiveMessageCodec(HiveJson json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The JSON text of a message, byte-identical to Python's {@code HiveMessage.serialize()}. */
    public String serialize(HiveMessage m) {
        StringBuilder out = new StringBuilder(256);
        serialize(m, out);
        return out.toString();
    }

    /**
     * Appends {@link #serialize(HiveMessage)}'s text to {@code out}, written field by field in wire order without
     * building the wire map (the message path's way).
     */
    public void serialize(HiveMessage m, StringBuilder out) {
        Objects.requireNonNull(m, "message");
        if (m.type() == MessageType.BINARY) {
            toWire(m); // throws the typed error
        }
        out.append("{\"" + MSG_TYPE + "\": ");
        json.writeTo(m.type().wireName(), out);
        out.append(", \"" + PAYLOAD + "\": ");
        json.writeTo(m.payload(), out);
        out.append(", \"" + METADATA + "\": ");
        json.writeTo(m.metadata(), out);
        out.append(", \"" + ROUTE + "\": [");
        boolean first = true;
        for (Object hop : m.route()) {
            if (keptHop(hop)) {
                out.append(first ? "" : ", ");
                json.writeTo(hop, out);
                first = false;
            }
        }
        out.append("], \"" + NODE + "\": ");
        json.writeTo(m.node(), out);
        out.append(", \"" + TARGET_SITE_ID + "\": ");
        json.writeTo(m.targetSiteId(), out);
        out.append(", \"" + TARGET_PUBKEY + "\": ");
        json.writeTo(m.targetPubkey(), out);
        out.append(", \"" + SOURCE_PEER + "\": ");
        json.writeTo(m.sourcePeer(), out);
        out.append('}');
    }

    /** Parses the JSON text of a message. */
    public HiveMessage parse(String text) {
        return fromWire(json.parseObject(text));
    }

    /**
     * The wire map of a message, keys in wire order.
     *
     * @throws ProtocolViolationException for a BINARY message, which has no JSON form
     */
    public Map<String, Object> toWire(HiveMessage m) {
        Objects.requireNonNull(m, "message");
        if (m.type() == MessageType.BINARY) {
            throw new ProtocolViolationException("BINARY message has no JSON form",
                    "a BINARY message has no JSON form; it travels only as a binary frame");
        }
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put(MSG_TYPE, m.type().wireName());
        wire.put(PAYLOAD, m.payload());
        wire.put(METADATA, m.metadata());
        wire.put(ROUTE, serialisedRoute(m.route()));
        wire.put(NODE, m.node());
        wire.put(TARGET_SITE_ID, m.targetSiteId());
        wire.put(TARGET_PUBKEY, m.targetPubkey());
        wire.put(SOURCE_PEER, m.sourcePeer());
        return wire;
    }

    /** A message of a wrapping type (BROADCAST, PROPAGATE, ...) whose payload is the wire form of {@code inner}. */
    public HiveMessage wrap(MessageType type, HiveMessage inner) {
        if (!type.wrapsMessage()) {
            throw new IllegalArgumentException(type + " does not wrap a message");
        }
        return HiveMessage.builder(type).payload(toWire(inner)).build();
    }

    /** The message a wrapping type carries in its payload. */
    public HiveMessage unwrap(HiveMessage outer) {
        if (!outer.type().wrapsMessage()) {
            throw new IllegalStateException(outer.type() + " does not wrap a message");
        }
        return fromWire(outer.payload());
    }

    /** Reads a received wire map. */
    public HiveMessage fromWire(Map<String, ?> wire) {
        if (wire == null) {
            throw violation("message is not a JSON object");
        }
        for (Object key : wire.keySet()) {
            if (!(key instanceof String) || !ALLOWED_KEYS.contains(key)) {
                throw violation("unexpected key " + HiveJson.quoteShort(String.valueOf(key)) + " in message");
            }
        }
        Object typeValue = wire.get(MSG_TYPE);
        if (typeValue == null) {
            throw violation("message without msg_type");
        }
        if (!(typeValue instanceof String typeName)) {
            throw violation("field \"msg_type\" must be a string");
        }
        MessageType type = MessageType.fromWire(typeName);
        if (type == MessageType.BINARY) {
            throw violation("a BINARY message cannot arrive as JSON");
        }
        checkBinType(wire.get(BIN_TYPE));
        optionalStringList(wire, TARGET_PEERS);
        HiveMessage.Builder b = HiveMessage.builder(type)
                .payload(payload(wire.get(PAYLOAD)))
                .metadata(optionalObject(wire, METADATA))
                .route(optionalList(wire, ROUTE))
                .node(optionalString(wire, NODE))
                .sourcePeer(optionalString(wire, SOURCE_PEER))
                .targetSiteId(optionalString(wire, TARGET_SITE_ID))
                .targetPubkey(optionalString(wire, TARGET_PUBKEY));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw violation("message holds a value that is not JSON");
        }
    }

    private Map<String, ?> payload(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof String text) {
            return json.parseObject(text);
        }
        if (value instanceof Map<?, ?> map) {
            return checkedObject(map, PAYLOAD);
        }
        throw violation("field \"payload\" must be an object");
    }

    private static void checkBinType(Object value) {
        if (value == null) {
            return;
        }
        if (!(value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
            throw violation("field \"bin_type\" must be an integer");
        }
        if (!(value instanceof Integer code) || BinaryPayloadType.fromCode(code).isEmpty()) {
            throw violation("field \"bin_type\" is not a known binary payload type");
        }
        if (code != BinaryPayloadType.UNDEFINED.code()) {
            throw violation("field \"bin_type\" set on a message that is not BINARY");
        }
    }

    private static List<Object> serialisedRoute(List<Object> route) {
        List<Object> kept = new ArrayList<>(route.size());
        for (Object hop : route) {
            if (keptHop(hop)) {
                kept.add(hop);
            }
        }
        return kept;
    }

    /** Python's serializer keeps a hop only with a truthy {@code source} and truthy {@code targets}. */
    private static boolean keptHop(Object hop) {
        return hop instanceof Map<?, ?> m && truthy(m.get("source")) && truthy(m.get("targets"));
    }

    /** Python truthiness of a JSON value. */
    static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof Number n) {
            return n instanceof BigInteger bi ? bi.signum() != 0 : n.doubleValue() != 0.0;
        }
        return true;
    }

    private static String optionalString(Map<String, ?> wire, String field) {
        Object v = wire.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw violation("field \"" + field + "\" must be a string or null");
        }
        return s;
    }

    private static Map<String, ?> optionalObject(Map<String, ?> wire, String field) {
        Object v = wire.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw violation("field \"" + field + "\" must be an object or null");
        }
        return checkedObject(m, field);
    }

    private static List<?> optionalList(Map<String, ?> wire, String field) {
        Object v = wire.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> l)) {
            throw violation("field \"" + field + "\" must be an array or null");
        }
        return l;
    }

    private static void optionalStringList(Map<String, ?> wire, String field) {
        List<?> l = optionalList(wire, field);
        if (l != null) {
            for (Object item : l) {
                if (!(item instanceof String)) {
                    throw violation("field \"" + field + "\" must be an array of strings");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> checkedObject(Map<?, ?> m, String field) {
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                throw violation("field \"" + field + "\" has a non-string key");
            }
        }
        return (Map<String, ?>) m;
    }

    private static ProtocolViolationException violation(String detail) {
        return new ProtocolViolationException("malformed HiveMessage", detail);
    }
}
