package dev.hivemind.engine.codec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.hivemind.api.error.FrameTooLargeException;
import dev.hivemind.api.error.InvalidPayloadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * HiveMind's JSON: a strict, bounded parser (Jackson streaming) and a writer that reproduces Python's
 * {@code json.dumps(v, ensure_ascii=False)} byte for byte.
 *
 * <p>Parsing yields {@link LinkedHashMap}s (key order kept), {@link ArrayList}s, {@link String}s, {@link Boolean}s,
 * {@code null}, integers as {@link Integer}, {@link Long} or {@link java.math.BigInteger} (the smallest that fits)
 * and other numbers as {@link Double}. It is stricter than Python's {@code json.loads}: duplicate keys, the
 * literals {@code NaN}/{@code Infinity}, numbers that overflow a double, raw control characters in strings and
 * trailing content are all rejected. Every failure is an {@link InvalidPayloadException} (or
 * {@link FrameTooLargeException} for oversized text) that names the problem and its position but never
 * quotes the text, which may be decrypted plaintext.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class HiveJson {
    private final JsonLimits limits;
    private final JsonFactory factory;

    public HiveJson(JsonLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                // our own checks come first with clearer messages; Jackson's are the backstop
                .maxNestingDepth(limits.maxDepth() + 1)
                .maxStringLength(limits.maxStringChars())
                .maxNameLength(limits.maxStringChars())
                .maxDocumentLength(limits.maxTextBytes())
                .build();
        this.factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /** A parser and writer with {@link JsonLimits#defaults()}. */
    public static HiveJson withDefaults() {
        return new HiveJson(JsonLimits.defaults());
    }

    public JsonLimits limits() {
        return limits;
    }

    /** Parses a JSON text whose root must be an object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> parseObject(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) {
            throw new InvalidPayloadException("JSON object expected", "expected a JSON object, got " + kind(v));
        }
        return (Map<String, Object>) v;
    }

    /** Parses strict UTF-8 bytes holding a JSON text whose root must be an object. */
    public Map<String, Object> parseObject(byte[] utf8) {
        return parseObject(decodeUtf8(utf8));
    }

    /** Parses strict UTF-8 bytes holding any JSON value. */
    public Object parse(byte[] utf8) {
        return parse(decodeUtf8(utf8));
    }

    /** Parses any JSON value. */
    public Object parse(String text) {
        if (text == null) {
            throw new InvalidPayloadException("malformed JSON", "no JSON text");
        }
        checkSize(text);
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InvalidPayloadException("malformed JSON", "empty JSON text");
            }
            Object value = readValue(p, first, 0);
            if (p.nextToken() != null) {
                throw new InvalidPayloadException("malformed JSON", "trailing content after the JSON value" + at(p));
            }
            return value;
        } catch (StreamConstraintsException e) {
            throw new InvalidPayloadException("JSON exceeds a limit", "JSON exceeds a limit: " + e.getOriginalMessage());
        } catch (JsonEOFException e) {
            throw new InvalidPayloadException("malformed JSON", "truncated JSON" + at(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException("malformed JSON", "malformed JSON" + at(e.getLocation()));
        } catch (IOException e) {
            throw new InvalidPayloadException("malformed JSON", "unreadable JSON text");
        }
    }

    /** The Python {@code json.dumps(value, ensure_ascii=False)} text of a JSON value. */
    public String write(Object jsonValue) {
        return PythonJsonWriter.write(jsonValue);
    }

    /** Appends the text {@link #write(Object)} gives to {@code out}. */
    public void writeTo(Object jsonValue, StringBuilder out) {
        PythonJsonWriter.write(jsonValue, out);
    }

    /** {@link #write(Object)} as UTF-8 bytes. */
    public byte[] writeUtf8(Object jsonValue) {
        return write(jsonValue).getBytes(StandardCharsets.UTF_8);
    }

    /** Python's {@code repr()} of a double, as used for JSON floats. */
    public static String pythonFloatRepr(double d) {
        return PythonJsonWriter.floatRepr(d);
    }

    private Object readValue(JsonParser p, JsonToken t, int depth) throws IOException {
        switch (t) {
            case START_OBJECT:
                return readObject(p, depth + 1);
            case START_ARRAY:
                return readArray(p, depth + 1);
            case VALUE_STRING:
                return checkedString(p.getText(), p, "string");
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> p.getIntValue();
                    case LONG -> p.getLongValue();
                    default -> p.getBigIntegerValue();
                };
            case VALUE_NUMBER_FLOAT: {
                double d = p.getDoubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new InvalidPayloadException("malformed JSON", "number out of range" + at(p));
                }
                return d;
            }
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new InvalidPayloadException("malformed JSON", "unexpected JSON token" + at(p));
        }
    }

    private Map<String, Object> readObject(JsonParser p, int depth) throws IOException {
        checkDepth(p, depth);
        Map<String, Object> map = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = checkedString(p.currentName(), p, "key");
            JsonToken valueToken = p.nextToken();
            if (valueToken == null) {
                throw new InvalidPayloadException("malformed JSON", "truncated JSON" + at(p));
            }
            if (map.containsKey(key)) {
                throw new InvalidPayloadException("duplicate JSON key", "duplicate key " + quoteShort(key) + at(p));
            }
            map.put(key, readValue(p, valueToken, depth));
        }
        if (t != JsonToken.END_OBJECT) {
            throw new InvalidPayloadException("malformed JSON", "truncated JSON" + at(p));
        }
        return map;
    }

    private List<Object> readArray(JsonParser p, int depth) throws IOException {
        checkDepth(p, depth);
        List<Object> list = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new InvalidPayloadException("malformed JSON", "truncated JSON" + at(p));
            }
            list.add(readValue(p, t, depth));
        }
        return list;
    }

    private void checkDepth(JsonParser p, int depth) {
        if (depth > limits.maxDepth()) {
            throw new InvalidPayloadException("JSON nested too deeply",
                    "JSON nested deeper than " + limits.maxDepth() + " levels" + at(p));
        }
    }

    private String checkedString(String s, JsonParser p, String what) {
        if (s.length() > limits.maxStringChars()) {
            throw new InvalidPayloadException("JSON exceeds a limit",
                    "JSON " + what + " longer than " + limits.maxStringChars() + " characters" + at(p));
        }
        return s;
    }

    private void checkSize(String text) {
        int max = limits.maxTextBytes();
        if (text.length() > max || (text.length() > max / 3 && utf8Length(text) > max)) {
            throw new FrameTooLargeException("message too big",
                    "JSON text longer than " + max + " bytes");
        }
    }

    private String decodeUtf8(byte[] utf8) {
        if (utf8 == null) {
            throw new InvalidPayloadException("malformed JSON", "no JSON text");
        }
        if (utf8.length > limits.maxTextBytes()) {
            throw new FrameTooLargeException("message too big", "JSON text longer than " + limits.maxTextBytes() + " bytes");
        }
        return strictUtf8(utf8);
    }

    /** Decodes UTF-8, rejecting malformed, overlong and surrogate encodings. */
    public static String strictUtf8(byte[] utf8) {
        if (isAscii(utf8)) {
            return new String(utf8, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidPayloadException("invalid UTF-8", "text is not valid UTF-8");
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static String at(JsonParser p) {
        return at(p.currentLocation());
    }

    private static String at(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 0) {
            return "";
        }
        return " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static String kind(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof List) {
            return "an array";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        return "a number";
    }

    static String quoteShort(String s) {
        return '"' + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + '"';
    }
}
