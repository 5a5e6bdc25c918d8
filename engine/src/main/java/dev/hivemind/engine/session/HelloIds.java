package dev.hivemind.engine.session;

import dev.hivemind.api.error.PolicyViolationException;

/**
 * The ids a client's HELLO names ({@code session.session_id}, {@code site_id}): at most {@value #MAX_CHARS} characters,
 * none of them a control or line-separator character. The session id becomes part of the peer id, which travels in the
 * route hop of everything the peer sends (an unbounded one would make every relayed copy that large) and appears in
 * log lines; OVOS session ids are UUIDs and site ids short names, so honest clients never come near the bound.
 */
final class HelloIds {
    static final int MAX_CHARS = 128;

    private HelloIds() {
    }

    /** Refuses {@code value} (named {@code what}) with 1008 unless it is short and printable; {@code null} passes. */
    static void check(String what, String value) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_CHARS) {
            throw new PolicyViolationException(what + " too long", "HELLO " + what + " of " + value.length()
                    + " characters (at most " + MAX_CHARS + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                throw new PolicyViolationException(what + " not printable", "HELLO " + what
                        + " holds the control character U+" + String.format("%04X", (int) c));
            }
        }
    }
}
