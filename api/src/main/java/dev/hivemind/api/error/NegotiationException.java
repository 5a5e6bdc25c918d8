package dev.hivemind.api.error;

/**
 * Negotiation failed: disjoint protocol versions, no common cipher or encoding, or a peer that chose
 * something that was not offered (downgrade). Close 1002.
 */
public class NegotiationException extends ProtocolViolationException {
    public NegotiationException(String reason) {
        super(reason);
    }

    public NegotiationException(String reason, String detail) {
        super(reason, detail);
    }
}
