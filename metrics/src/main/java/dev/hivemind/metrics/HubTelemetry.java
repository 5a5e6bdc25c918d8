package dev.hivemind.metrics;

import dev.hivemind.engine.hub.Hub;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Metrics and health of a hub process: one Prometheus registry holding the hub's meters ({@link HubMeters}), Vert.x's
 * own ({@link VertxMeters}), the JVM's (memory, GC, threads, classes, CPU, uptime, file descriptors) and the process's
 * resident memory, served on the admin port ({@link AdminServer}). Call {@link #start()} before the transports start
 * (so that their Vert.x instances are metered), {@link #bind} once the hub exists, {@link #serve} once it listens.
 */
public final class HubTelemetry implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private AdminServer server;

    private HubTelemetry() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        Gauge.builder("process.resident.memory", HubTelemetry::residentBytes).baseUnit("bytes")
                .description("resident set size (Linux /proc/self/status VmRSS)").register(registry);
        VertxMeters.activate(registry);
    }

    /** A registry with the JVM's meters; Vert.x instances built from now on are metered into it too. */
    public static HubTelemetry start() {
        return new HubTelemetry();
    }

    /** Adds the hub's meters. */
    public void bind(Hub hub) {
        HubMeters.bind(hub, registry);
    }

    /** Serves {@code /metrics} and {@code /health} on {@code host:port} (0: any free port); the bound address. */
    public InetSocketAddress serve(String host, int port, Supplier<HubHealth> health) throws IOException {
        server = AdminServer.start(host, port, registry::scrape, health);
        return server.address();
    }

    /** The meters in Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        VertxMeters.activate(null);
        registry.close();
    }

    /** VmRSS of /proc/self/status (in kB there), NaN where there is no such file. */
    private static double residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Double.parseDouble(line.substring(6).replace("kB", "").strip()) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Double.NaN;
    }
}
