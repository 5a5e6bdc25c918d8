package dev.hivemind.engine.vectors;

import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.codec.json.JsonLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Loads the known-answer vector files copied into {@code src/test/resources/vectors}. */
public final class VectorFiles {
    private static final HiveJson JSON = new HiveJson(new JsonLimits(8 << 20, 64, 8 << 20));

    private VectorFiles() {
    }

    /** A resource under {@code /vectors/} (or an absolute resource path) parsed as a JSON object. */
    public static Map<String, Object> load(String path) {
        String resource = path.startsWith("/") ? path : "/vectors/" + path;
        try (InputStream in = VectorFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return JSON.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON object from text (a vector that records a wire string). */
    public static Map<String, Object> parse(String json) {
        return JSON.parseObject(json);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    public static String str(Map<String, Object> m, String key) {
        return (String) m.get(key);
    }

    public static byte[] hex(Map<String, Object> m, String key) {
        return HexFormat.of().parseHex((String) m.get(key));
    }

    public static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
