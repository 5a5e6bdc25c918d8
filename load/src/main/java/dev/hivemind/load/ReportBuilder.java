package dev.hivemind.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * The JSON report of one run: what ran against what, the rate, the latency percentiles, failures by cause, and for
 * both the hub (when watched) and this generator the CPU time per operation, so a reader sees which side was the
 * bottleneck. Figures are per completed operation.
 */
final class ReportBuilder implements LoadCommand.Window {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final String mode;
    private final String url;
    private final String auth;
    private final Map<String, Object> parameters;
    private final HubWatch hub;
    private Instant startedAt;
    private long startNanos;
    private long endNanos;
    private double loadStart;
    private double loadEnd;
    private Optional<ProcessSample> hubStart = Optional.empty();
    private Optional<ProcessSample> hubEnd = Optional.empty();
    private ProcessSample selfStart;
    private ProcessSample selfEnd;

    ReportBuilder(String mode, String url, String auth, Map<String, Object> parameters, HubWatch hub) {
        this.mode = mode;
        this.url = url;
        this.auth = auth;
        this.parameters = parameters;
        this.hub = hub;
    }

    @Override
    public void begin() {
        startedAt = Instant.now();
        loadStart = ProcessSample.loadAverage();
        hubStart = hub.sample();
        selfStart = ProcessSample.self();
        startNanos = System.nanoTime();
    }

    /** Ends the window (the first call counts). */
    @Override
    public void end() {
        if (endNanos != 0) {
            return;
        }
        endNanos = System.nanoTime();
        selfEnd = ProcessSample.self();
        hubEnd = hub.sample();
        loadEnd = ProcessSample.loadAverage();
    }

    ObjectNode build(Outcomes outcomes, Map<String, Object> extra) {
        double elapsed = (endNanos - startNanos) / 1e9;
        long done = outcomes.completed();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tool", "hivemind-load");
        root.put("mode", mode);
        root.put("target", url);
        root.put("auth", auth);
        root.set("parameters", MAPPER.valueToTree(parameters));
        root.put("started", startedAt.toString());
        root.put("elapsed_s", round(elapsed));
        ObjectNode ops = root.putObject("operations");
        ops.put("completed", done);
        ops.put("failed", outcomes.failed());
        ops.put("rate_per_s", round(done / elapsed));
        root.set("latency_ms", latency(outcomes.histogram()));
        root.set("failures", MAPPER.valueToTree(outcomes.failures()));
        ObjectNode hubNode = root.putObject("hub");
        if (hub.present()) {
            hubNode.put("pid", hub.pid());
        }
        if (hubStart.isPresent() && hubEnd.isPresent()) {
            double cpu = hubEnd.get().cpuSeconds() - hubStart.get().cpuSeconds();
            hubNode.put("cpu_s", round(cpu));
            hubNode.put("cpu_utilisation", round(cpu / elapsed));
            hubNode.put("cpu_ms_per_op", done == 0 ? null : round(1000 * cpu / done));
            hubNode.put("rss_start_kib", hubStart.get().rssKib());
            hubNode.put("rss_end_kib", hubEnd.get().rssKib());
        } else {
            hubNode.put("note", hub.present() ? "the hub process could not be read from /proc"
                    : "no --hub-pid given: the hub's CPU and memory are not measured");
        }
        ObjectNode self = root.putObject("generator");
        double selfCpu = selfEnd.cpuSeconds() - selfStart.cpuSeconds();
        self.put("cpu_s", round(selfCpu));
        self.put("cpu_utilisation", round(selfCpu / elapsed));
        self.put("cpu_ms_per_op", done == 0 ? null : round(1000 * selfCpu / done));
        self.put("rss_end_kib", selfEnd.rssKib());
        ObjectNode machine = root.putObject("machine");
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("load_average_1m_start", round(loadStart));
        machine.put("load_average_1m_end", round(loadEnd));
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        ObjectNode more = root.putObject("mode_results");
        extra.forEach((k, v) -> more.set(k, MAPPER.valueToTree(v)));
        return root;
    }

    /** The report's essentials on one line. */
    static String summary(ObjectNode r) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s: %,d done, %,d failed in %.1f s = %,.1f/s; "
                        + "latency p50 %.2f ms, p99 %.2f ms, p999 %.2f ms; generator CPU %s ms/op",
                r.get("mode").asText(), r.at("/operations/completed").asLong(), r.at("/operations/failed").asLong(),
                r.get("elapsed_s").asDouble(), r.at("/operations/rate_per_s").asDouble(),
                r.at("/latency_ms/p50").asDouble(), r.at("/latency_ms/p99").asDouble(),
                r.at("/latency_ms/p999").asDouble(), r.at("/generator/cpu_ms_per_op").asText()));
        if (r.at("/hub/cpu_ms_per_op").isNumber()) {
            s.append(String.format(Locale.ROOT, ", hub CPU %.3f ms/op", r.at("/hub/cpu_ms_per_op").asDouble()));
        }
        if (!r.get("failures").isEmpty()) {
            s.append("; failures ").append(r.get("failures"));
        }
        return s.toString();
    }

    private static ObjectNode latency(Histogram h) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("count", h.getTotalCount());
        n.put("p50", ms(h.getValueAtPercentile(50)));
        n.put("p90", ms(h.getValueAtPercentile(90)));
        n.put("p99", ms(h.getValueAtPercentile(99)));
        n.put("p999", ms(h.getValueAtPercentile(99.9)));
        n.put("max", ms(h.getMaxValue()));
        n.put("mean", round(h.getMean() / 1000.0));
        return n;
    }

    private static double ms(long micros) {
        return round(micros / 1000.0);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
