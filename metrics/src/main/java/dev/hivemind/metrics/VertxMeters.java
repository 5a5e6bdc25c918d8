package dev.hivemind.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.spi.VertxServiceProvider;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * Vert.x's own metrics (connections, bytes, pools, event loops) in the hub's registry, for every Vert.x instance the
 * process creates while one is active, including those the transports create for themselves. Vert.x finds this class
 * through {@code META-INF/services/io.vertx.core.spi.VertxServiceProvider} and calls it as it builds an instance;
 * without an active registry it does nothing.
 */
public final class VertxMeters implements VertxServiceProvider {
    private static volatile MeterRegistry active;

    /** Meters the Vert.x instances built from now on into {@code registry} ({@code null}: stop). */
    static void activate(MeterRegistry registry) {
        active = registry;
    }

    @Override
    public void init(VertxBootstrap bootstrap) {
        MeterRegistry registry = active;
        if (registry == null || bootstrap.options().getMetricsOptions() != null
                && bootstrap.options().getMetricsOptions().isEnabled()) {
            return;
        }
        bootstrap.options().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));
        MicrometerMetricsFactory factory = new MicrometerMetricsFactory(registry);
        bootstrap.metricsFactory(factory);
        factory.init(bootstrap);
    }
}
