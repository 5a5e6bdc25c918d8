package dev.hivemind.engine.fuzz;

import dev.hivemind.api.error.HiveMindException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What every fuzzed decoder must do with any input: return, or throw one of our typed errors ({@link HiveMindException}),
 * within a time bound (no hang), and never fail with anything else (no {@code ArrayIndexOutOfBounds}, no
 * {@code OutOfMemoryError} from an unbounded allocation).
 */
final class Bounded {
    static final Duration MAX = Duration.ofSeconds(5);
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-runner");
        t.setDaemon(true);
        return t;
    });

    private Bounded() {
    }

    /** Runs {@code decode}; returns its result, or {@code null} when it threw a typed error. */
    static <T> T typedOrResult(Supplier<T> decode) {
        Future<T> f = RUNNER.submit(decode::get);
        try {
            return f.get(MAX.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HiveMindException) {
                return null;
            }
            throw new AssertionError("untyped failure: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("no answer within " + MAX + " (a hang)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
