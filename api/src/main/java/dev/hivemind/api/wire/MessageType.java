package dev.hivemind.api.wire;

import dev.hivemind.api.error.ProtocolViolationException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The fourteen HiveMind message types with their wire strings ({@code msg_type}) and 5-bit binarization
 * codes. {@link #INTERCOM} has no binarization code: it always travels as a text frame.
 */
public enum MessageType {
    HANDSHAKE("shake", 0),
    BUS("bus", 1),
    SHARED_BUS("shared_bus", 2),
    BROADCAST("broadcast", 3),
    PROPAGATE("propagate", 4),
    ESCALATE("escalate", 5),
    HELLO("hello", 6),
    QUERY("query", 7),
    CASCADE("cascade", 8),
    PING("ping", 9),
    RENDEZVOUS("rendezvous", 10),
    THIRDPRTY("3rdparty", 11),
    BINARY("bin", 12),
    INTERCOM("intercom", -1);

    private final String wireName;
    private final int binaryCode;

    MessageType(String wireName, int binaryCode) {
        this.wireName = wireName;
        this.binaryCode = binaryCode;
    }

    /** The {@code msg_type} string on the wire. */
    public String wireName() {
        return wireName;
    }

    /** The 5-bit code used by binarization, absent for {@link #INTERCOM}. */
    public OptionalInt binaryCode() {
        return binaryCode < 0 ? OptionalInt.empty() : OptionalInt.of(binaryCode);
    }

    /** Whether messages of this type carry another HiveMessage as their payload. */
    public boolean wrapsMessage() {
        return this == BROADCAST || this == PROPAGATE || this == ESCALATE || this == CASCADE || this == QUERY;
    }

    /** Looks a wire string up; empty if unknown. */
    public static Optional<MessageType> lookup(String wireName) {
        for (MessageType t : values()) {
            if (t.wireName.equals(wireName)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Looks a wire string up; an unknown string is a protocol violation that names it. */
    public static MessageType fromWire(String wireName) {
        return lookup(wireName).orElseThrow(() -> new ProtocolViolationException("unknown msg_type",
                "unknown msg_type " + quoteShort(wireName)));
    }

    /** Looks a binarization code up; empty for unassigned codes (13–31). */
    public static Optional<MessageType> fromBinaryCode(int code) {
        for (MessageType t : values()) {
            if (t.binaryCode == code && code >= 0) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    static String quoteShort(String s) {
        if (s == null) {
            return "null";
        }
        return '"' + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + '"';
    }
}
