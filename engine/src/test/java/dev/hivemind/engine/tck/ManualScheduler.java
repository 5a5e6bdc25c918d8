package dev.hivemind.engine.tck;

import dev.hivemind.engine.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link Scheduler} driven by hand: deadline tests {@link #advance} time instead of sleeping. Thread-safe. */
public final class ManualScheduler implements Scheduler {
    private final List<Task> tasks = new ArrayList<>();
    private long nowNanos;

    private static final class Task {
        final long due;
        final Runnable action;
        boolean cancelled;

        Task(long due, Runnable action) {
            this.due = due;
            this.action = action;
        }
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(nowNanos + delay.toNanos(), task);
        tasks.add(t);
        return () -> {
            synchronized (ManualScheduler.this) {
                t.cancelled = true;
                tasks.remove(t);
            }
        };
    }

    /** Moves time forward and runs every task that became due, in due order. */
    public void advance(Duration by) {
        List<Task> due = new ArrayList<>();
        synchronized (this) {
            nowNanos += by.toNanos();
            for (Task t : tasks) {
                if (t.due <= nowNanos && !t.cancelled) {
                    due.add(t);
                }
            }
            tasks.removeAll(due);
        }
        due.sort(Comparator.comparingLong(t -> t.due));
        due.forEach(t -> t.action.run());
    }

    /** Tasks still scheduled (not run, not cancelled). */
    public synchronized int pending() {
        return tasks.size();
    }
}
