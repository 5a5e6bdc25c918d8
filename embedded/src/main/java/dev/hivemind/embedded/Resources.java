package dev.hivemind.embedded;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one satellite or hub created and must release, in reverse order of creation; and the Vert.x it runs on, closed
 * only when it created it.
 */
final class Resources {
    private static final Logger LOG = LoggerFactory.getLogger(Resources.class);

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();

    private Resources(Vertx vertx, boolean ownsVertx) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
    }

    /** On the application's {@code shared} Vert.x, or on a new one with {@code eventLoops} event-loop threads. */
    static Resources on(Vertx shared, int eventLoops) {
        if (shared != null) {
            return new Resources(shared, false);
        }
        return new Resources(Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops)), true);
    }

    Vertx vertx() {
        return vertx;
    }

    /** Takes ownership of {@code resource}; returns it. */
    synchronized <T extends AutoCloseable> T own(T resource) {
        owned.push(resource);
        return resource;
    }

    /**
     * Releases what was owned, newest first, then closes the Vert.x instance if it is ours; completes when all is done.
     * Runs on a short-lived thread of its own: closing a server waits for its connections, which must not hold an
     * event loop nor one of the application's worker threads. Idempotent.
     */
    CompletableFuture<Void> release() {
        return onOwnThread("hivemind-release", () -> {
            closeOwned();
            if (ownsVertx) {
                vertx.close().toCompletionStage().toCompletableFuture().handle((v, e) -> null).join();
            }
            return null;
        });
    }

    /**
     * Runs blocking work (building and binding a hub, releasing) on a new daemon thread that ends with it, so that it
     * never takes an event loop or a worker thread of a Vert.x it may be waiting for.
     */
    static <T> CompletableFuture<T> onOwnThread(String name, Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /**
     * Waits (at most 30 s) for a close to finish, except on a Vert.x thread: a blocked event loop could not finish it.
     */
    static void awaitClosed(CompletionStage<Void> done) {
        if (Context.isOnVertxThread()) {
            return;
        }
        try {
            done.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // best effort: what could be released was released
        }
    }

    private synchronized void closeOwned() {
        while (!owned.isEmpty()) {
            AutoCloseable c = owned.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("releasing {} failed: {}", c, e.toString());
            }
        }
    }
}
