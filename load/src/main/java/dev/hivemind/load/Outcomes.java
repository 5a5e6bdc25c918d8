package dev.hivemind.load;

import dev.hivemind.api.error.ConnectionClosedException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one run observed: a latency histogram (HdrHistogram, microseconds, 3 significant digits), completed
 * operations and failures by cause: the close code or HTTP status the hub answered with, else the kind of error
 * ({@code timeout}, {@code connect}, ...). Thread-safe; recording never blocks.
 */
final class Outcomes {
    private static final long MAX_MICROS = 3_600_000_000L;

    private final Recorder latency = new Recorder(MAX_MICROS, 3);
    private final Histogram total = new Histogram(MAX_MICROS, 3);
    private final LongAdder completed = new LongAdder();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();

    /** One successful operation that took {@code nanos}. */
    void success(long nanos) {
        latency.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1000)));
        completed.increment();
    }

    /** One successful operation without a latency. */
    void success() {
        completed.increment();
    }

    /** One failed operation, counted under its cause. */
    void failure(Throwable error) {
        failures.computeIfAbsent(cause(error), k -> new AtomicLong()).incrementAndGet();
    }

    /** One failure with an explicit cause label. */
    void failure(String cause) {
        failures.computeIfAbsent(cause, k -> new AtomicLong()).incrementAndGet();
    }

    /** {@code n} failures with an explicit cause label. */
    void failures(String cause, long n) {
        if (n > 0) {
            failures.computeIfAbsent(cause, k -> new AtomicLong()).addAndGet(n);
        }
    }

    long completed() {
        return completed.sum();
    }

    long failed() {
        return failures.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Failures by cause, sorted. */
    Map<String, Long> failures() {
        Map<String, Long> out = new TreeMap<>();
        failures.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Every latency recorded so far (moves the interval's values into the total). */
    synchronized Histogram histogram() {
        total.add(latency.getIntervalHistogram());
        return total.copy();
    }

    /**
     * The label a failure is counted under: {@code close-1008} or {@code http-401} for what the hub answered,
     * {@code timeout}, else {@code error-} and the root cause's type ({@code error-ConnectException}, ...).
     */
    static String cause(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof ConnectionClosedException closed) {
            int code = closed.peerCode();
            return code >= 1000 ? "close-" + code : "http-" + code;
        }
        if (e instanceof dev.hivemind.api.error.HandshakeTimeoutException
                || e instanceof java.util.concurrent.TimeoutException) {
            return "timeout";
        }
        while (e.getCause() != null && e.getCause() != e) {
            e = e.getCause(); // the root cause names the problem: ConnectException, SSLHandshakeException, ...
        }
        return "error-" + e.getClass().getSimpleName();
    }
}
