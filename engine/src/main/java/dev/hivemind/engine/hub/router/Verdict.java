package dev.hivemind.engine.hub.router;

import dev.hivemind.api.wire.HiveMessage;
import java.util.Objects;

/**
 * What {@link MessagePolicy} decides for one inbound message.
 *
 * @param kind   pass it on, drop it (logged, never answered: hivemind-core sends no error messages), or close the
 *               sender's connection: for a policy violation (1008) or for a malformed message (1002)
 * @param reason why, for the log and (for a disconnect) the close reason; empty when it passes
 * @param inner  for BROADCAST, PROPAGATE and ESCALATE that pass: the message they wrap, already read and checked
 */
public record Verdict(Kind kind, String reason, HiveMessage inner) {
    /** The three outcomes. */
    public enum Kind { PASS, DROP, DISCONNECT, MALFORMED }

    private static final Verdict PASS = new Verdict(Kind.PASS, "", null);

    public Verdict {
        Objects.requireNonNull(kind, "kind");
        reason = reason == null ? "" : reason;
    }

    public static Verdict pass() {
        return PASS;
    }

    /** Passes a wrapper, carrying the message it wraps. */
    public static Verdict pass(HiveMessage inner) {
        return new Verdict(Kind.PASS, "", inner);
    }

    public static Verdict drop(String reason) {
        return new Verdict(Kind.DROP, reason, null);
    }

    /** Closes the sender's connection with 1008 (policy). */
    public static Verdict disconnect(String reason) {
        return new Verdict(Kind.DISCONNECT, reason, null);
    }

    /** Closes the sender's connection with 1002 (protocol violation). */
    public static Verdict malformed(String reason) {
        return new Verdict(Kind.MALFORMED, reason, null);
    }

    public boolean passes() {
        return kind == Kind.PASS;
    }
}
