package dev.hivemind.transport.tcp;

/** The frame kinds of {@code docs/protocol/TCP-FRAMING.md}. */
enum FrameKind {
    TEXT(0x01),
    BINARY(0x02),
    AUTH(0x03),
    CLOSE(0x08),
    PING(0x09),
    PONG(0x0A);

    /** Largest payload of a control frame (CLOSE, PING, PONG). */
    static final int MAX_CONTROL_PAYLOAD = 125;

    private final int code;

    FrameKind(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    /** The kind for a wire byte, or {@code null} for an unknown kind. */
    static FrameKind of(int code) {
        for (FrameKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }
}
