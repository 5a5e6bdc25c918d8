package dev.hivemind.api.wire;

import java.util.Optional;

/**
 * HiveMind protocol versions as advertised in the server HANDSHAKE offer ({@code min_protocol_version},
 * {@code max_protocol_version}): 0 = pre-shared key only, 1 = handshake (password/RSA), 2 = binarization.
 */
public enum ProtocolVersion {
    ZERO(0),
    ONE(1),
    TWO(2);

    private final int number;

    ProtocolVersion(int number) {
        this.number = number;
    }

    /** The integer on the wire. */
    public int number() {
        return number;
    }

    /** The version for a wire integer; empty if we do not implement it. */
    public static Optional<ProtocolVersion> of(int number) {
        for (ProtocolVersion v : values()) {
            if (v.number == number) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The lowest version we implement. */
    public static ProtocolVersion lowest() {
        return ZERO;
    }

    /** The highest version we implement. */
    public static ProtocolVersion highest() {
        return TWO;
    }
}
