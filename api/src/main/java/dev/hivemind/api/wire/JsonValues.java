package dev.hivemind.api.wire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JDK-only JSON value model used by the api: {@code null}, {@link String}, {@link Boolean}, a
 * {@link Number} (Integer, Long, BigInteger, Double, BigDecimal), {@link List} and {@link Map} with
 * {@code String} keys. Maps keep insertion order, which is the key order on the wire.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /**
     * A deep, unmodifiable copy of a JSON value, preserving key order.
     *
     * @throws IllegalArgumentException if the value contains something that is not a JSON value
     */
    public static Object immutableCopy(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof BigDecimal || value instanceof Short || value instanceof Byte) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON numbers must be finite");
            }
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return immutableObject(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(immutableCopy(item));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    /** A deep, unmodifiable copy of a JSON object, preserving key order. */
    public static Map<String, Object> immutableObject(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys must be strings");
            }
            copy.put(key, immutableCopy(e.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** An unmodifiable object from alternating key/value arguments, in that order. */
    public static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return immutableObject(map);
    }
}
