package dev.hivemind.api.handshake;

import dev.hivemind.api.error.ProtocolViolationException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed, strict reads of fields from a JSON payload object. A field of the wrong JSON type is a
 * {@link ProtocolViolationException} that names the field (never its value, which may be secret).
 */
public final class PayloadFields {
    private PayloadFields() {
    }

    /** A string field that must be present and non-null. */
    public static String requireString(Map<String, ?> payload, String field) {
        return optionalString(payload, field).orElseThrow(() -> malformed(field, "is missing"));
    }

    /** A string field that may be absent or null. */
    public static Optional<String> optionalString(Map<String, ?> payload, String field) {
        Object v = payload.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw malformed(field, "must be a string");
        }
        return Optional.of(s);
    }

    /** A boolean field; absent or null gives {@code fallback}. */
    public static boolean bool(Map<String, ?> payload, String field, boolean fallback) {
        return optionalBool(payload, field).orElse(fallback);
    }

    /** A boolean field that may be absent or null. */
    public static Optional<Boolean> optionalBool(Map<String, ?> payload, String field) {
        Object v = payload.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Boolean b)) {
            throw malformed(field, "must be a boolean");
        }
        return Optional.of(b);
    }

    /** An integer field in the int range; absent or null gives {@code fallback}. */
    public static int integer(Map<String, ?> payload, String field, int fallback) {
        Object v = payload.get(field);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        if (v instanceof BigInteger) {
            throw malformed(field, "is out of range");
        }
        throw malformed(field, "must be an integer");
    }

    /** A list of strings; absent or null gives an empty list. */
    public static List<String> stringList(Map<String, ?> payload, String field) {
        Object v = payload.get(field);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw malformed(field, "must be a list of strings");
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw malformed(field, "must be a list of strings");
            }
            out.add(s);
        }
        return Collections.unmodifiableList(out);
    }

    /** A JSON object field; absent or null gives an empty map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, ?> payload, String field) {
        Object v = payload.get(field);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?>)) {
            throw malformed(field, "must be an object");
        }
        return (Map<String, Object>) v;
    }

    private static ProtocolViolationException malformed(String field, String problem) {
        return new ProtocolViolationException("malformed handshake payload", "field \"" + field + "\" " + problem);
    }
}
