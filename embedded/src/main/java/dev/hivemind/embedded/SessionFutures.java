package dev.hivemind.embedded;

import dev.hivemind.api.wire.HiveMessage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * A {@link SatelliteSession} for Vert.x code: sending and the end of the session as {@link Future}s, completing on the
 * caller's context when there is one.
 */
public final class SessionFutures {
    private final SatelliteSession session;
    private final Vertx vertx;

    SessionFutures(SatelliteSession session, Vertx vertx) {
        this.session = session;
        this.vertx = vertx;
    }

    /** See {@link SatelliteSession#send(HiveMessage)}. */
    public Future<Void> send(HiveMessage message) {
        return VertxFutures.of(session.send(message), vertx);
    }

    /** See {@link SatelliteSession#closed()}. */
    public Future<SessionEnd> closed() {
        return VertxFutures.of(session.closed(), vertx);
    }
}
