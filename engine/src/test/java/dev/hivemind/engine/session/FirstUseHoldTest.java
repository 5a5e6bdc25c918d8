package dev.hivemind.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hivemind.api.error.PolicyViolationException;
import dev.hivemind.api.transport.Frame;
import org.junit.jupiter.api.Test;

/**
 * Frames held while a first-use credential is stored: bounded in count and in bytes (32 frames of 1 MiB each were
 * 32 MiB per enrolling connection), handed back in order.
 */
class FirstUseHoldTest {
    @Test
    void holdsFramesInOrderWithinBothBounds() {
        FirstUseHold hold = new FirstUseHold();
        hold.hold(Frame.text("a"));
        hold.hold(Frame.text("b"));
        assertEquals(2, hold.drain().size());
        for (int i = 0; i < FirstUseHold.MAX_HELD_FRAMES; i++) {
            hold.hold(Frame.text("x"));
        }
        assertThrows(PolicyViolationException.class, () -> hold.hold(Frame.text("one too many")));
    }

    @Test
    void refusesMoreBytesThanTheBoundWhateverTheCount() {
        FirstUseHold hold = new FirstUseHold();
        hold.hold(Frame.binary(new byte[FirstUseHold.MAX_HELD_BYTES - 10]));
        assertThrows(PolicyViolationException.class, () -> hold.hold(Frame.binary(new byte[11])));
    }
}
