package dev.hivemind.engine.codec.json;

/**
 * Bounds applied to every JSON text a peer sends us, checked before or while parsing so that hostile input
 * cannot exhaust memory or the stack.
 *
 * @param maxTextBytes   longest accepted JSON text, in UTF-8 bytes
 * @param maxDepth       deepest accepted nesting of objects and arrays (a flat object has depth 1)
 * @param maxStringChars longest accepted string value or object key, in UTF-16 chars
 */
public record JsonLimits(int maxTextBytes, int maxDepth, int maxStringChars) {
    /** 1 MiB, the default frame size limit of the transports. */
    public static final int DEFAULT_MAX_TEXT_BYTES = 1 << 20;
    /** Deep enough for a BROADCAST wrapping a BUS message with a nested OVOS session, far below stack limits. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    public JsonLimits {
        if (maxTextBytes <= 0 || maxDepth <= 0 || maxStringChars <= 0) {
            throw new IllegalArgumentException("JSON limits must be positive");
        }
    }

    /** 1 MiB of text, depth 64, strings up to the text size. */
    public static JsonLimits defaults() {
        return new JsonLimits(DEFAULT_MAX_TEXT_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_TEXT_BYTES);
    }
}
