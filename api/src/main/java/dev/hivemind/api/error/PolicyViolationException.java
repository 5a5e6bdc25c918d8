package dev.hivemind.api.error;

/** A policy refused the peer: revoked or unknown access key, plaintext after encryption was required, too many attempts. Close 1008. */
public class PolicyViolationException extends HiveMindException {
    public PolicyViolationException(String reason) {
        super(CloseCode.POLICY_VIOLATION, reason, null, null);
    }

    public PolicyViolationException(String reason, String detail) {
        super(CloseCode.POLICY_VIOLATION, reason, detail, null);
    }

    public PolicyViolationException(String reason, String detail, Throwable cause) {
        super(CloseCode.POLICY_VIOLATION, reason, detail, cause);
    }
}
