package dev.hivemind.engine.tck;

import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.engine.client.HiveMindConnection;
import java.time.Duration;
import java.util.function.Predicate;

/** What a test satellite receives: the next message of a connection's inbox, which must match. */
public final class Inboxes {
    private Inboxes() {
    }

    /** The next message within {@code wait}; an {@link AssertionError} naming {@code what} if none or another comes. */
    public static HiveMessage next(HiveMindConnection c, Predicate<HiveMessage> match, String what, Duration wait)
            throws InterruptedException {
        HiveMessage m = c.poll(wait).orElseThrow(() -> new AssertionError("nothing received, expected " + what));
        if (!match.test(m)) {
            throw new AssertionError("expected " + what + ", received " + m + " " + m.payload());
        }
        return m;
    }
}
