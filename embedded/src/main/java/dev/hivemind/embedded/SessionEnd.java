package dev.hivemind.embedded;

import dev.hivemind.api.error.HiveMindException;
import java.util.Objects;

/**
 * Why a {@link SatelliteSession} ended, as a listener needs to tell the cases apart: our own
 * {@link SatelliteSession#close()}, the hub closing with a reason, the hub closing without one (hivemind-core does that
 * when it drops a satellite), the connection lost without any close, or a failure on our side.
 */
public sealed interface SessionEnd permits SessionEnd.ClosedByUs, SessionEnd.ClosedByHub,
        SessionEnd.ClosedByHubSilently, SessionEnd.ConnectionLost, SessionEnd.Failed {

    /** The close code (WebSocket semantics; the TCP transport uses the same codes). */
    int code();

    /** One line for a log or a user. */
    String describe();

    /** We called {@link SatelliteSession#close()} (or closed the satellite): a normal close, 1000. */
    record ClosedByUs() implements SessionEnd {
        @Override
        public int code() {
            return 1000;
        }

        @Override
        public String describe() {
            return "closed by us";
        }
    }

    /** The hub closed the session and said why. */
    record ClosedByHub(int code, String reason) implements SessionEnd {
        public ClosedByHub {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "closed by the hub: " + reason + " (" + code + ")";
        }
    }

    /**
     * The hub closed the session without a reason: a close frame with no text, or with no payload at all (1005 on the
     * wire; Vert.x reports it as 1000). hivemind-core does that when it drops a satellite, for example for a BUS message
     * without a session it will not route.
     */
    record ClosedByHubSilently(int code) implements SessionEnd {
        @Override
        public String describe() {
            return "closed by the hub without a reason (" + code + ")";
        }
    }

    /** The socket dropped with no close from either side (1006): the network, or the hub's process went away. */
    record ConnectionLost(String detail) implements SessionEnd {
        @Override
        public int code() {
            return 1006;
        }

        @Override
        public String describe() {
            return "connection lost" + (detail == null || detail.isBlank() ? "" : ": " + detail);
        }
    }

    /**
     * This side ended the session because of an error: the hub broke the protocol, a frame could not be decrypted, or
     * the transport gave up on the hub (it stopped reading what we send, or stayed silent past the idle timeout).
     */
    record Failed(HiveMindException error) implements SessionEnd {
        public Failed {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public int code() {
            return error.closeCode().code();
        }

        @Override
        public String describe() {
            return "failed: " + error.getMessage();
        }
    }
}
