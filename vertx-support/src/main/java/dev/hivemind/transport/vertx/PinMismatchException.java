package dev.hivemind.transport.vertx;

import java.security.cert.CertificateException;

/**
 * A TLS server presented a key that matches none of the client's SPKI pins: the hub's certificate was replaced, or
 * someone on the path is intercepting. Carries the presented key's pin so the user can compare it with the one the
 * hub prints at start.
 */
public final class PinMismatchException extends CertificateException {
    private static final long serialVersionUID = 1L;

    private final String presentedPin;

    PinMismatchException(String presentedPin) {
        super("the server's public key (SPKI SHA-256 " + presentedPin + ") matches none of the pinned keys");
        this.presentedPin = presentedPin;
    }

    /** The SPKI SHA-256 (hex) of the key the server presented. */
    public String presentedPin() {
        return presentedPin;
    }
}
