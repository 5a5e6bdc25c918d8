package dev.hivemind.engine.hub;

import java.time.Duration;

/**
 * What the hub reports as it works, for a metrics module to count: called on connection threads (and the I/O pool),
 * so an implementation must be quick and must not block. Labels are from small, fixed sets (transport names, auth
 * method names, message types, outcomes, reasons), never client ids or addresses.
 */
public interface HubObserver {
    /** Reports nothing. */
    HubObserver NONE = new HubObserver() {
    };

    /** A connection was admitted and its session started. */
    default void connectionOpened(String transport) {
    }

    /**
     * A connection was refused before any session existed.
     *
     * @param reason {@code malformed_token}, {@code connection_limit}, {@code too_many_failures},
     *               {@code unknown_access_key}, {@code registry_busy} or {@code registry_error}
     */
    default void admissionRefused(String transport, String reason) {
    }

    /**
     * A handshake ended.
     *
     * @param method  the auth method of an established session; {@code unknown} for one that failed before
     * @param outcome {@code established}, {@code refused} (1008: wrong credentials, time-out, policy),
     *                {@code busy} (1013), {@code protocol_error}, {@code abandoned} (the client left) or {@code error}
     * @param elapsed from the connection to the session, for an established one; {@code null} otherwise
     */
    default void handshakeEnded(String method, String outcome, Duration elapsed) {
    }

    /** An application message arrived; {@code refused}: the client's permissions dropped it. */
    default void messageIn(String type, boolean refused) {
    }

    /** A message was sent to a client. */
    default void messageOut(String type) {
    }

    /** An established session ended. */
    default void sessionClosed(String transport) {
    }
}
