package dev.hivemind.engine.config;

import dev.hivemind.api.plugin.PluginSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict reader of one section of the configuration tree. Every key read is remembered; {@link #finish()} fails on
 * any key that was never read, suggesting the closest known one ("did you mean").
 */
final class ConfigSection {
    private final String path;
    private final Map<String, Object> values;
    private final Set<String> known = new LinkedHashSet<>();

    ConfigSection(String path, Map<String, ?> values) {
        this.path = path;
        this.values = new LinkedHashMap<>(values == null ? Map.of() : values);
    }

    String path() {
        return path;
    }

    boolean has(String key) {
        known.add(key);
        return values.get(key) != null;
    }

    Set<String> presentKeys() {
        return values.keySet();
    }

    String string(String key, String fallback) {
        known.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        throw wrong(key, "a string");
    }

    int integer(String key, int fallback, int min, int max) {
        known.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        long n;
        if (v instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())) {
            n = num.longValue();
        } else if (v instanceof String s && s.trim().matches("-?\\d+")) {
            n = Long.parseLong(s.trim());
        } else {
            throw wrong(key, "an integer");
        }
        if (n < min || n > max) {
            throw new ConfigException(qualified(key) + " must be between " + min + " and " + max + ", got " + n);
        }
        return (int) n;
    }

    boolean bool(String key, boolean fallback) {
        known.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw wrong(key, "true or false");
    }

    Duration duration(String key, Duration fallback) {
        known.add(key);
        if (values.get(key) == null) {
            return fallback;
        }
        try {
            Duration d = PluginSettings.of(Map.of(key, values.get(key))).duration(key, fallback);
            if (d.isNegative() || d.isZero()) {
                throw new ConfigException(qualified(key) + " must be positive");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw wrong(key, "a duration such as 10s, 500ms, 5m or PT10S");
        }
    }

    List<String> stringList(String key, List<String> fallback) {
        known.add(key);
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw wrong(key, "a list of strings");
                }
                out.add(s.trim());
            }
        } else if (v instanceof String s) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        } else {
            throw wrong(key, "a list of strings");
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    ConfigSection section(String key) {
        known.add(key);
        Object v = values.get(key);
        if (v == null) {
            return new ConfigSection(qualified(key), Map.of());
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw wrong(key, "a section (key: value pairs)");
        }
        return new ConfigSection(qualified(key), (Map<String, ?>) m);
    }

    /** The raw sub-tree of a key, unvalidated (plugin-owned sections). */
    PluginSettings rawSection(String key) {
        known.add(key);
        Object v = values.get(key);
        if (v == null) {
            return PluginSettings.empty();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw wrong(key, "a section (key: value pairs)");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> typed = (Map<String, ?>) m;
        return PluginSettings.of(typed);
    }

    /** Fails on keys that were never read. */
    void finish() {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                String hint = Suggestions.closest(key, known).map(s -> "; did you mean '" + s + "'?").orElse("");
                throw new ConfigException("unknown configuration key '" + qualified(key) + "'" + hint
                        + " (known keys here: " + String.join(", ", known) + ")");
            }
        }
    }

    String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private ConfigException wrong(String key, String expected) {
        return new ConfigException(qualified(key) + " must be " + expected);
    }
}
