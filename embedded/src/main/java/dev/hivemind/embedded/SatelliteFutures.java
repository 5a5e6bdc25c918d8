package dev.hivemind.embedded;

import dev.hivemind.api.wire.HiveMessage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Consumer;

/**
 * A {@link Satellite} for Vert.x code: the same operations as {@link Future}s. Called from a Vert.x context (a
 * verticle), the futures complete on that context; otherwise on one of the satellite's event loops.
 */
public final class SatelliteFutures {
    private final Satellite satellite;
    private final Vertx vertx;

    SatelliteFutures(Satellite satellite, Vertx vertx) {
        this.satellite = satellite;
        this.vertx = vertx;
    }

    /** See {@link Satellite#connect()}. */
    public Future<SatelliteSession> connect() {
        return VertxFutures.of(satellite.connect(), vertx);
    }

    /** See {@link Satellite#connect(Consumer)}. */
    public Future<SatelliteSession> connect(Consumer<HiveMessage> onMessage) {
        return VertxFutures.of(satellite.connect(onMessage), vertx);
    }

    /** See {@link Satellite#closeAsync()}. */
    public Future<Void> close() {
        return VertxFutures.of(satellite.closeAsync(), vertx);
    }
}
