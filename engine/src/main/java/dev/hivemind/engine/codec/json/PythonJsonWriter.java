package dev.hivemind.engine.codec.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON values exactly as CPython's {@code json.dumps(value, ensure_ascii=False)} does: separators
 * {@code ", "} and {@code ": "}, non-ASCII characters raw, the short escapes <code>&#92;" &#92;&#92; &#92;n &#92;r &#92;t &#92;b &#92;f</code>,
 * other control characters as <code>&#92;u00XX</code> with lowercase hex, and floats in Python's {@code repr} form.
 *
 * <p>One deliberate difference: a lone UTF-16 surrogate is written as a <code>&#92;udXXX</code> escape (Python would
 * emit it raw and then fail to encode the frame as UTF-8).
 */
final class PythonJsonWriter {
    /** Guards against cyclic or absurdly deep structures handed in by our own code. */
    private static final int MAX_WRITE_DEPTH = 1000;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PythonJsonWriter() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder(128);
        writeValue(out, value, 0);
        return out.toString();
    }

    static void write(Object value, StringBuilder out) {
        writeValue(out, value, 0);
    }

    private static void writeValue(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            out.append(floatRepr(((Number) value).doubleValue()));
        } else if (value instanceof BigDecimal bd) {
            out.append(bd);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(out, map, depth + 1);
        } else if (value instanceof List<?> list) {
            writeArray(out, list, depth + 1);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void writeObject(StringBuilder out, Map<?, ?> map, int depth) {
        checkDepth(depth);
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys must be strings");
            }
            writeString(out, key);
            out.append(": ");
            writeValue(out, e.getValue(), depth);
            if (it.hasNext()) {
                out.append(", ");
            }
        }
        out.append('}');
    }

    private static void writeArray(StringBuilder out, List<?> list, int depth) {
        checkDepth(depth);
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            writeValue(out, list.get(i), depth);
        }
        out.append(']');
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_WRITE_DEPTH) {
            throw new IllegalArgumentException("JSON value nested deeper than " + MAX_WRITE_DEPTH + " levels");
        }
    }

    static void writeString(StringBuilder out, String s) {
        out.append('"');
        int n = s.length();
        int run = 0; // start of the characters not yet appended that need no escaping
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            out.append(s, run, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else {
                        appendUnicodeEscape(out, c); // a control character or a lone surrogate
                    }
                }
            }
            run = i + 1;
        }
        out.append(s, run, n);
        out.append('"');
    }

    private static void appendUnicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }

    /**
     * Python's {@code repr(float)}: the shortest decimal that reads back as the same double (the closest such
     * decimal when several have that length), in positional notation when the decimal exponent is in
     * [-4, 16) and in {@code d.ddde±XX} notation otherwise; positional values always carry a fraction.
     */
    static String floatRepr(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JSON numbers must be finite");
        }
        if (d == 0.0) {
            return Double.doubleToRawLongBits(d) < 0 ? "-0.0" : "0.0";
        }
        double a = Math.abs(d);
        BigDecimal shortest = shortestRoundTrip(a).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int decpt = digits.length() - shortest.scale(); // value = 0.DIGITS x 10^decpt
        StringBuilder out = new StringBuilder(24);
        if (d < 0) {
            out.append('-');
        }
        if (decpt <= -4 || decpt > 16) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exp = decpt - 1;
            out.append('e').append(exp < 0 ? '-' : '+');
            int absExp = Math.abs(exp);
            if (absExp < 10) {
                out.append('0');
            }
            out.append(absExp);
        } else if (decpt <= 0) {
            out.append("0.").append("0".repeat(-decpt)).append(digits);
        } else if (decpt < digits.length()) {
            out.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        } else {
            out.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
        }
        return out.toString();
    }

    /** The shortest decimal that parses back to {@code a} (positive, finite), the nearest one on ties of length. */
    private static BigDecimal shortestRoundTrip(double a) {
        BigDecimal exact = new BigDecimal(a);
        for (int p = 1; p <= 17; p++) {
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(p, RoundingMode.CEILING));
            boolean downOk = Double.parseDouble(down.toString()) == a;
            boolean upOk = Double.parseDouble(up.toString()) == a;
            if (downOk && upOk) {
                return exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            }
            if (downOk) {
                return down;
            }
            if (upOk) {
                return up;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
}
