package dev.hivemind.load;

import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.engine.client.HiveMindConnection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Establishes N sessions with at most C handshakes in flight, recording each handshake in its own {@link Outcomes};
 * holds them, and closes them all at the end.
 */
final class ConnectionPool implements AutoCloseable {
    private final List<HiveMindConnection> open = Collections.synchronizedList(new ArrayList<>());
    private final java.util.Map<Integer, HiveMindConnection> byAttempt = new java.util.concurrent.ConcurrentHashMap<>();
    private final Outcomes handshakes = new Outcomes();

    /**
     * Opens {@code n} sessions, {@code concurrency} at a time; {@code listeners} gives the i-th session's message
     * listener. Returns when every attempt has finished or {@code timeoutSeconds} have passed (the attempts not even
     * started by then count as {@code timeout-opening} failures).
     */
    void open(LoadTarget target, int n, int concurrency, IntFunction<Consumer<HiveMessage>> listeners,
            long timeoutSeconds) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        List<CompletableFuture<Void>> attempts = new ArrayList<>(n);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (int i = 0; i < n; i++) {
            int attempt = i;
            if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                for (int rest = i; rest < n; rest++) {
                    handshakes.failure("timeout-opening");
                }
                break;
            }
            long t0 = System.nanoTime();
            attempts.add(target.client().connect(target.endpoint(), listeners.apply(i)).toCompletableFuture()
                    .handle((c, error) -> {
                        slots.release();
                        if (error != null) {
                            handshakes.failure(error);
                        } else {
                            handshakes.success(System.nanoTime() - t0);
                            open.add(c);
                            byAttempt.put(attempt, c);
                        }
                        return null;
                    }));
        }
        try {
            CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new))
                    .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            handshakes.failure("timeout-opening");
        }
    }

    /** The established sessions (a snapshot). */
    List<HiveMindConnection> connections() {
        synchronized (open) {
            return List.copyOf(open);
        }
    }

    /** The session of the {@code i}-th attempt (the one given the {@code i}-th listener), or {@code null}. */
    HiveMindConnection attempt(int i) {
        return byAttempt.get(i);
    }

    /** The handshakes made while opening. */
    Outcomes handshakes() {
        return handshakes;
    }

    /** Closes every session. */
    @Override
    public void close() {
        for (HiveMindConnection c : connections()) {
            c.close();
        }
    }
}
