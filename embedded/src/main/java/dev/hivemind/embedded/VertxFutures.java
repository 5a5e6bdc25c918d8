package dev.hivemind.embedded;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;

/** Completion stages as Vert.x futures whose callbacks run on the caller's context when there is one. */
final class VertxFutures {
    private VertxFutures() {
    }

    /** {@code stage} as a future on the caller's context, else on one of {@code vertx}'s (if any). */
    static <T> Future<T> of(CompletionStage<T> stage, Vertx vertx) {
        Context context = Vertx.currentContext();
        if (context == null && vertx != null) {
            context = vertx.getOrCreateContext();
        }
        return context == null ? Future.fromCompletionStage(stage) : Future.fromCompletionStage(stage, context);
    }
}
