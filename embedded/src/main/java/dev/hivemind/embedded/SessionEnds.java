package dev.hivemind.embedded;

import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.error.TransportClosedException;

/** Turns how the engine reports the end of a session into a {@link SessionEnd}. */
final class SessionEnds {
    private static final int LOST = 1006;

    private SessionEnds() {
    }

    /**
     * @param requested whether we asked for the close
     * @param code      the close code the session ended with
     * @param reason    the close reason, possibly empty
     * @param failure   the typed failure, or {@code null} for a normal close
     */
    static SessionEnd of(boolean requested, int code, String reason, HiveMindException failure) {
        if (failure == null) {
            return requested ? new SessionEnd.ClosedByUs() : byHub(code, reason);
        }
        if (failure instanceof TransportClosedException) {
            return new SessionEnd.Failed(failure);
        }
        if (failure instanceof ConnectionClosedException closed) {
            return closed.peerCode() == LOST ? new SessionEnd.ConnectionLost(reason) : byHub(closed.peerCode(), reason);
        }
        return new SessionEnd.Failed(failure);
    }

    private static SessionEnd byHub(int code, String reason) {
        return reason == null || reason.isBlank() ? new SessionEnd.ClosedByHubSilently(code)
                : new SessionEnd.ClosedByHub(code, reason.strip());
    }
}
