package dev.hivemind.api.error;

/**
 * The transport on this side ended the connection on its own, not the peer: the peer was idle past the idle timeout,
 * did not read what we sent, or sent a frame over the limit. The code and reason are the ones this side sent.
 */
public class TransportClosedException extends ConnectionClosedException {
    public TransportClosedException(int code, String reason) {
        super(code, reason);
    }
}
