package dev.hivemind.embedded;

import dev.hivemind.engine.time.Scheduler;
import io.vertx.core.Vertx;
import java.time.Duration;

/** Deadlines on Vert.x timers: no thread of its own, so nothing to stop when the owner closes. */
final class VertxScheduler implements Scheduler {
    private final Vertx vertx;

    VertxScheduler(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        long id = vertx.setTimer(Math.max(1, delay.toMillis()), t -> task.run());
        return () -> vertx.cancelTimer(id);
    }
}
