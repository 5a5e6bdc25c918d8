package dev.hivemind.cluster.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import dev.hivemind.engine.cluster.HubCluster;
import dev.hivemind.engine.cluster.HubClusterFactory;
import dev.hivemind.engine.config.ClusterSettings;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts a hub node's clustered Vert.x on the Hazelcast cluster manager, configured by the {@code cluster:} section
 * alone ({@link HazelcastSettings}). Registered for {@link java.util.ServiceLoader}.
 */
public final class HazelcastClusterFactory implements HubClusterFactory {
    /** How long joining may take: finding the members, then registering with them. */
    private static final Duration JOIN_TIMEOUT = Duration.ofMinutes(2);

    @Override
    public HubCluster join(ClusterSettings settings) {
        HazelcastClusterManager manager = new HazelcastClusterManager(HazelcastSettings.of(settings));
        VertxOptions options = new VertxOptions();
        options.getEventBusOptions().setHost(settings.host()).setPort(settings.eventBusPort());
        Thread current = Thread.currentThread();
        ClassLoader before = current.getContextClassLoader();
        current.setContextClassLoader(HazelcastClusterFactory.class.getClassLoader());
        Vertx vertx;
        try {
            vertx = Vertx.builder().with(options).withClusterManager(manager).buildClustered().toCompletionStage()
                    .toCompletableFuture().get(JOIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining the cluster", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("cannot join the cluster '" + settings.name() + "' on " + settings.host()
                    + ":" + settings.port() + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not join the cluster '" + settings.name() + "' within "
                    + JOIN_TIMEOUT.toSeconds() + " s");
        } finally {
            current.setContextClassLoader(before);
        }
        // the member's Hazelcast id, which membership events name (Vert.x's node id may differ)
        HazelcastInstance hazelcast = manager.getHazelcastInstance();
        return new HazelcastHubCluster(settings, vertx, hazelcast,
                hazelcast.getCluster().getLocalMember().getUuid().toString());
    }
}
