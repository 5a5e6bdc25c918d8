package dev.hivemind.engine.session;

/** States of a {@link ClientSession}. */
public enum ClientState {
    /** Connected; waiting for the server's HELLO. */
    AWAIT_HELLO,
    /** HELLO received; waiting for the server's HANDSHAKE offer. */
    AWAIT_OFFER,
    /** Our HANDSHAKE is sent (or the response is being verified); waiting for the key. */
    AUTHENTICATING,
    /** Key established and our HELLO sent: application messages flow. */
    ESTABLISHED,
    /** Closed; everything freed. */
    CLOSED
}
