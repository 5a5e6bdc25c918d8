package dev.hivemind.engine.session;

/** States of a {@link ServerSession}; every inbound frame is checked against the current one. */
public enum ServerState {
    /** Connection accepted, HELLO and offer not sent yet. */
    NEW,
    /** HELLO and offer sent; waiting for the client's HANDSHAKE (or, with a pre-shared key, its HELLO). */
    AWAIT_HANDSHAKE,
    /** An auth exchange is running (possibly on the worker pool); any frame now is out of order. */
    AUTHENTICATING,
    /** The key exists; waiting for the client's HELLO. */
    AWAIT_HELLO,
    /** The client's sealed HELLO arrived; the key it proved is being enrolled (first use). Frames are held. */
    ENROLLING,
    /** Handshake done: application messages flow. */
    ESTABLISHED,
    /** Closed; everything freed. */
    CLOSED
}
