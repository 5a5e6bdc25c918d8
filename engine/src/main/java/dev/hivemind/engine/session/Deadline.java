package dev.hivemind.engine.session;

import dev.hivemind.engine.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.Executor;

/** A handshake deadline: runs {@code onExpiry} on the connection's executor unless cancelled first. */
final class Deadline {
    private Scheduler.Cancellable task;

    void start(Scheduler scheduler, Duration after, Executor connection, Runnable onExpiry) {
        task = scheduler.schedule(after, () -> connection.execute(onExpiry));
    }

    /** Cancels the deadline. Idempotent. */
    void cancel() {
        if (task != null) {
            task.cancel();
            task = null;
        }
    }
}
