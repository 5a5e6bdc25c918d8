package dev.hivemind.engine.time;

import java.time.Duration;

/**
 * Runs a task after a delay. Injected so deadline tests advance time by hand instead of sleeping. The task runs on a
 * scheduler thread; callers hop to their connection's executor themselves.
 */
public interface Scheduler {
    /** Schedules {@code task} after {@code delay}; the returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can be cancelled. */
    interface Cancellable {
        /** Cancels the task if it has not run yet. Idempotent. */
        void cancel();
    }
}
