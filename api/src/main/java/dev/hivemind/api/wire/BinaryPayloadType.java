package dev.hivemind.api.wire;

import java.util.Optional;

/** The 4-bit subtype of a {@link MessageType#BINARY} message. Codes 7–15 are unassigned. */
public enum BinaryPayloadType {
    UNDEFINED(0),
    RAW_AUDIO(1),
    NUMPY_IMAGE(2),
    FILE(3),
    STT_AUDIO_TRANSCRIBE(4),
    STT_AUDIO_HANDLE(5),
    TTS_AUDIO(6);

    private final int code;

    BinaryPayloadType(int code) {
        this.code = code;
    }

    /** The 4-bit code on the wire. */
    public int code() {
        return code;
    }

    /** The subtype for a 4-bit code; empty for unassigned codes. */
    public static Optional<BinaryPayloadType> fromCode(int code) {
        for (BinaryPayloadType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
