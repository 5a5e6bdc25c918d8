package dev.hivemind.api.plugin;

import dev.hivemind.api.wire.JsonValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plugin's own section of the configuration snapshot, immutable. Typed getters throw
 * {@link IllegalArgumentException} naming the key when a value has the wrong type.
 */
public final class PluginSettings {
    private static final PluginSettings EMPTY = new PluginSettings(Map.of());

    private final Map<String, Object> values;

    private PluginSettings(Map<String, Object> values) {
        this.values = values;
    }

    public static PluginSettings of(Map<String, ?> values) {
        return values == null || values.isEmpty() ? EMPTY : new PluginSettings(JsonValues.immutableObject(values));
    }

    public static PluginSettings empty() {
        return EMPTY;
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public Optional<String> string(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(s);
        }
        if (v instanceof Number || v instanceof Boolean) {
            return Optional.of(v.toString());
        }
        throw wrongType(key, "a string");
    }

    public String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    public int integer(String key, int fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Math.toIntExact(n.longValue());
        }
        if (v instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw wrongType(key, "an integer");
            }
        }
        throw wrongType(key, "an integer");
    }

    public long longValue(String key, long fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw wrongType(key, "an integer");
            }
        }
        throw wrongType(key, "an integer");
    }

    public boolean bool(String key, boolean fallback) {
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
        throw wrongType(key, "a boolean");
    }

    /** A duration given in milliseconds (number) or as ISO-8601 / "10s" / "500ms" / "2m" text. */
    public Duration duration(String key, Duration fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return Duration.ofMillis(n.longValue());
        }
        if (v instanceof String s) {
            String t = s.trim().toLowerCase(java.util.Locale.ROOT);
            try {
                if (t.startsWith("p")) {
                    return Duration.parse(s.trim().toUpperCase(java.util.Locale.ROOT));
                }
                if (t.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
                }
                if (t.endsWith("s")) {
                    return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).trim()));
                }
                if (t.endsWith("m")) {
                    return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).trim()));
                }
                return Duration.ofMillis(Long.parseLong(t));
            } catch (RuntimeException e) {
                throw wrongType(key, "a duration such as 10s, 500ms or PT10S");
            }
        }
        throw wrongType(key, "a duration");
    }

    public Optional<Path> path(String key) {
        return string(key).map(Path::of);
    }

    public List<String> stringList(String key, List<String> fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (v instanceof String s) {
            return java.util.Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        }
        throw wrongType(key, "a list of strings");
    }

    public PluginSettings section(String key) {
        Object v = values.get(key);
        if (v == null) {
            return EMPTY;
        }
        if (v instanceof Map<?, ?> m) {
            return new PluginSettings(JsonValues.immutableObject(m));
        }
        throw wrongType(key, "a section (map)");
    }

    private static IllegalArgumentException wrongType(String key, String expected) {
        return new IllegalArgumentException("setting '" + key + "' must be " + expected);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PluginSettings p && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Keys only: settings may hold secrets. */
    @Override
    public String toString() {
        return "PluginSettings" + values.keySet();
    }
}
