package dev.hivemind.embedded;

/**
 * Where an application starts when it embeds HiveMind: a {@linkplain #satellite() satellite} that connects to a hub,
 * or a {@linkplain #hub() hub} that satellites connect to. Both find their transports and auth methods with
 * {@link java.util.ServiceLoader}: put {@code hivemind-transport-vertx} (WebSocket), {@code hivemind-transport-tcp},
 * {@code hivemind-auth-password}, {@code hivemind-auth-psk} or {@code hivemind-auth-rsa} on the class path and they
 * are used.
 *
 * <pre>{@code
 * try (Satellite satellite = HiveMind.satellite().url("ws://127.0.0.1:5678")
 *         .accessKey("kitchen-key").password("kitchen-password").build()) {
 *     SatelliteSession session = satellite.connect().toCompletableFuture().get();
 *     session.send(HiveMessage.bus("recognizer_loop:utterance", Map.of("utterances", List.of("hello")), Map.of()));
 * }
 * }</pre>
 *
 * Every object built here owns exactly what it created (threads, a Vert.x instance unless one was given, sockets) and
 * releases it on {@code close()}; a {@link io.vertx.core.Vertx} handed to a builder is used and never closed.
 */
public final class HiveMind {
    private HiveMind() {
    }

    /** A builder of a {@link Satellite}: the connecting side. */
    public static SatelliteBuilder satellite() {
        return new SatelliteBuilder();
    }

    /** A builder of an {@link EmbeddedHub}: the listening side. */
    public static HubBuilder hub() {
        return new HubBuilder();
    }
}
