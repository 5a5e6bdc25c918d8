package dev.hivemind.engine.session;

import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.error.PolicyViolationException;
import dev.hivemind.api.transport.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's pending first-use enrolment: the credential a client presented and proved, and the frames that arrive
 * while the hub stores it (a satellite sends its first messages right after its HELLO). Frames are held, bounded, and
 * handled in order once the session is established.
 */
final class FirstUseHold {
    /** Frames a client may send while its credential is being enrolled. */
    static final int MAX_HELD_FRAMES = 32;
    /** Bytes those frames may hold together (32 frames of the largest size would be 32 MiB per connection). */
    static final int MAX_HELD_BYTES = 1 << 20;

    private ServerAuthFactory method;
    private String credential;
    private final List<Frame> held = new ArrayList<>();
    private long heldBytes;

    /** The exchange of {@code method} proved nothing yet but reported {@code credential}: enrol it once proved. */
    void expect(ServerAuthFactory method, String credential) {
        this.method = method;
        this.credential = credential;
    }

    boolean pending() {
        return credential != null;
    }

    ServerAuthFactory method() {
        return method;
    }

    String credential() {
        return credential;
    }

    /**
     * Holds a frame that arrived during enrolment.
     *
     * @throws PolicyViolationException if the client sends more than {@value #MAX_HELD_FRAMES} frames or
     *                                  {@value #MAX_HELD_BYTES} bytes
     */
    void hold(Frame frame) {
        if (held.size() >= MAX_HELD_FRAMES || heldBytes + frame.size() > MAX_HELD_BYTES) {
            throw new PolicyViolationException("too many frames", "more than " + MAX_HELD_FRAMES + " frames or "
                    + MAX_HELD_BYTES + " bytes before the session was established");
        }
        held.add(frame);
        heldBytes += frame.size();
    }

    /** The held frames, in arrival order; the hold is empty afterwards. */
    List<Frame> drain() {
        List<Frame> out = List.copyOf(held);
        held.clear();
        heldBytes = 0;
        return out;
    }

    /** Forgets the pending credential (kept: the held frames). */
    void clear() {
        method = null;
        credential = null;
    }
}
