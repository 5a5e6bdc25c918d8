package dev.hivemind.load;

import dev.hivemind.engine.client.HiveMindConnection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code idle}: establishes N sessions ({@code --concurrency} handshakes at a time), then holds them for the duration
 * without sending anything. Operations are the established sessions; with {@code --hub-pid} the report has the hub's
 * RSS before and after, and its growth per session. Sessions the hub closes during the hold are failures.
 */
@Command(name = "idle", mixinStandardHelpOptions = true,
        description = "Open N sessions and hold them idle for the duration; reports the hub's memory per session.")
final class IdleCommand extends LoadCommand {
    @Option(names = {"-n", "--connections"}, defaultValue = "1000", paramLabel = "N",
            description = "Sessions to hold (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = {"-c", "--concurrency"}, defaultValue = "64", paramLabel = "C",
            description = "Handshakes in flight while opening (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Override
    String mode() {
        return "idle";
    }

    @Override
    Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("connections", connections);
        p.put("concurrency", concurrency);
        p.put("hold_s", durationSeconds);
        return p;
    }

    @Override
    ModeResult run(LoadTarget target, Outcomes outcomes, Duration duration, HubWatch hub,
            Window window) throws Exception {
        window.begin();
        Optional<ProcessSample> before = hub.sample();
        AtomicLong closedDuringHold = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean holding = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (ConnectionPool pool = new ConnectionPool()) {
            long t0 = System.nanoTime();
            pool.open(target, connections, concurrency, i -> m -> { }, timeoutSeconds + connections / 10);
            double openSeconds = (System.nanoTime() - t0) / 1e9;
            List<HiveMindConnection> open = pool.connections();
            // a session that never opened is a failed operation of this mode, under its cause
            pool.handshakes().failures().forEach((cause, n) -> outcomes.failures("opening-" + cause, n));
            for (HiveMindConnection c : open) {
                c.closed().thenAccept(info -> {
                    if (holding.get()) {
                        closedDuringHold.incrementAndGet();
                        outcomes.failure("closed-during-hold-" + info.code());
                    }
                });
            }
            Optional<ProcessSample> established = hub.sample();
            Thread.sleep(duration.toMillis());
            Optional<ProcessSample> held = hub.sample();
            window.end();
            holding.set(false);
            long alive = open.size() - closedDuringHold.get();
            for (long i = 0; i < alive; i++) {
                outcomes.success();
            }
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("established", open.size());
            extra.put("open_s", Math.round(openSeconds * 1000) / 1000.0);
            extra.put("handshakes_per_s", Math.round(open.size() / openSeconds * 10) / 10.0);
            extra.put("handshake_latency_ms_p50", pool.handshakes().histogram().getValueAtPercentile(50) / 1000.0);
            extra.put("handshake_latency_ms_p99", pool.handshakes().histogram().getValueAtPercentile(99) / 1000.0);
            extra.put("handshake_failures", pool.handshakes().failures());
            extra.put("alive_at_end", alive);
            if (before.isPresent() && established.isPresent() && held.isPresent() && !open.isEmpty()) {
                extra.put("hub_rss_before_kib", before.get().rssKib());
                extra.put("hub_rss_established_kib", established.get().rssKib());
                extra.put("hub_rss_end_of_hold_kib", held.get().rssKib());
                extra.put("hub_rss_per_session_kib",
                        Math.round((held.get().rssKib() - before.get().rssKib()) * 10.0 / open.size()) / 10.0);
            }
            return new ModeResult(extra);
        }
    }
}
