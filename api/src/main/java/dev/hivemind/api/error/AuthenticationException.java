package dev.hivemind.api.error;

/**
 * Authentication or integrity failure: wrong password, bad envelope, failed AEAD tag, bad RSA signature,
 * changed server key. Close 1008 with the fixed reason {@value #REASON}: the peer is never told which check
 * failed. The local detail (never a secret) goes to {@link #getMessage()}.
 */
public class AuthenticationException extends HiveMindException {
    /** The only reason text ever sent to a peer for an authentication failure. */
    public static final String REASON = "authentication failed";

    public AuthenticationException(String detail) {
        super(CloseCode.POLICY_VIOLATION, REASON, detail, null);
    }

    public AuthenticationException(String detail, Throwable cause) {
        super(CloseCode.POLICY_VIOLATION, REASON, detail, cause);
    }
}
