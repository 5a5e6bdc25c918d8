package dev.hivemind.api.agent;

import dev.hivemind.api.wire.BinaryPayloadType;
import dev.hivemind.api.wire.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One BINARY message: its subtype, bytes and metadata, with the metadata fields hivemind-core reads for each subtype
 * and their defaults (HUB-ROUTING.md H7).
 */
public final class BinaryInput {
    private final BinaryPayloadType type;
    private final byte[] bytes;
    private final Map<String, Object> metadata;

    public BinaryInput(BinaryPayloadType type, byte[] bytes, Map<String, ?> metadata) {
        this.type = Objects.requireNonNull(type, "type");
        this.bytes = bytes.clone();
        this.metadata = metadata == null ? Map.of() : JsonValues.immutableObject(metadata);
    }

    public BinaryPayloadType type() {
        return type;
    }

    /** A copy of the data. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    /** Audio: {@code sample_rate}, default 16000. */
    public int sampleRate() {
        return number("sample_rate", 16000);
    }

    /** Audio: {@code sample_width} in bytes, default 2. */
    public int sampleWidth() {
        return number("sample_width", 2);
    }

    /** STT and TTS: {@code lang}. */
    public Optional<String> lang() {
        return text("lang");
    }

    /** TTS: the {@code utterance} the audio speaks. */
    public Optional<String> utterance() {
        return text("utterance");
    }

    /** FILE and TTS: {@code file_name}. */
    public Optional<String> fileName() {
        return text("file_name");
    }

    /** NUMPY_IMAGE: {@code camera_id}. */
    public Optional<String> cameraId() {
        Object v = metadata.get("camera_id");
        return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
    }

    private int number(String key, int fallback) {
        return metadata.get(key) instanceof Number n ? n.intValue() : fallback;
    }

    private Optional<String> text(String key) {
        return metadata.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    @Override
    public String toString() {
        return "BinaryInput[" + type + ", " + bytes.length + " bytes, metadata keys=" + metadata.keySet() + "]";
    }
}
