package dev.hivemind.load;

import dev.hivemind.engine.client.HiveMindConnection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code handshakes}: C workers, each connecting, completing the handshake and closing, again and again until the
 * duration (or the count) is reached. One operation is one established session; its latency runs from the connect
 * call to the session key on the satellite's side.
 */
@Command(name = "handshakes", mixinStandardHelpOptions = true,
        description = "Handshake repeatedly with C concurrent workers (connect, handshake, close).")
final class HandshakesCommand extends LoadCommand {
    @Option(names = {"-c", "--concurrency"}, defaultValue = "2", paramLabel = "C",
            description = "Concurrent workers (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N handshakes (default: run for the duration).")
    Long count;

    @Override
    String mode() {
        return "handshakes";
    }

    @Override
    Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("concurrency", concurrency);
        p.put("duration_s", durationSeconds);
        p.put("count", count);
        return p;
    }

    @Override
    ModeResult run(LoadTarget target, Outcomes outcomes, Duration duration, HubWatch hub,
            Window window) throws InterruptedException {
        window.begin();
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong started = new AtomicLong();
        CountDownLatch done = new CountDownLatch(concurrency);
        ExecutorService driver = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "load-driver");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < concurrency; i++) {
                driver.execute(() -> next(target, outcomes, deadline, started, done, driver));
            }
            done.await(duration.toMillis() + TimeUnit.SECONDS.toMillis(timeoutSeconds + 10), TimeUnit.MILLISECONDS);
            window.end();
        } finally {
            driver.shutdownNow();
        }
        return new ModeResult(Map.of());
    }

    private void next(LoadTarget target, Outcomes outcomes, long deadline, AtomicLong started, CountDownLatch done,
            ExecutorService driver) {
        if (System.nanoTime() >= deadline || (count != null && started.incrementAndGet() > count)) {
            done.countDown();
            return;
        }
        long t0 = System.nanoTime();
        target.client().connect(target.endpoint()).whenCompleteAsync((HiveMindConnection c, Throwable error) -> {
            if (error != null) {
                outcomes.failure(error);
            } else {
                outcomes.success(System.nanoTime() - t0);
                c.close();
            }
            next(target, outcomes, deadline, started, done, driver);
        }, driver);
    }
}
