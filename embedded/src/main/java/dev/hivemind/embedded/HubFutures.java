package dev.hivemind.embedded;

import io.vertx.core.Future;

/**
 * An {@link EmbeddedHub} for Vert.x code: starting and closing as {@link Future}s, completing on the caller's context
 * when there is one (for example inside a verticle's {@code start}).
 */
public final class HubFutures {
    private final EmbeddedHub hub;

    HubFutures(EmbeddedHub hub) {
        this.hub = hub;
    }

    /** See {@link EmbeddedHub#start()}. */
    public Future<EmbeddedHub> start() {
        return VertxFutures.of(hub.start(), hub.vertx());
    }

    /** See {@link EmbeddedHub#closeAsync()}. */
    public Future<Void> close() {
        return VertxFutures.of(hub.closeAsync(), hub.vertx());
    }
}
