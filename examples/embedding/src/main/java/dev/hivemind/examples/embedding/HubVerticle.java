package dev.hivemind.examples.embedding;

// tag::hub-imports[]
import dev.hivemind.embedded.EmbeddedHub;
import dev.hivemind.embedded.HiveMind;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.nio.file.Path;
// end::hub-imports[]

/**
 * A Vert.x application's verticle that embeds a HiveMind hub: the hub runs on the application's Vert.x, starts with
 * the verticle and stops with it (closing its sessions with 1001), and leaves the Vert.x instance running.
 */
public final class HubVerticle extends VerticleBase {
    private final String listenUrl;
    private final Path dataDirectory;
    private EmbeddedHub hub;

    /**
     * @param listenUrl     where the hub listens, for example {@code ws://0.0.0.0:5678}
     * @param dataDirectory where it keeps its files (RSA identity, generated TLS certificates)
     */
    public HubVerticle(String listenUrl, Path dataDirectory) {
        this.listenUrl = listenUrl;
        this.dataDirectory = dataDirectory;
    }

    // tag::hub[]
    @Override
    public Future<?> start() {
        hub = HiveMind.hub()
                .vertx(vertx)                              // the application's Vert.x: used, never closed
                .listen(listenUrl)                         // e.g. ws://0.0.0.0:5678
                .client("kitchen-key", "kitchen-password") // or .clients(yourClientRegistry)
                .agent(new AnswerAgent())                  // what the hub does with authorised messages
                .dataDirectory(dataDirectory)
                .build();
        return hub.futures().start();
    }

    @Override
    public Future<?> stop() {
        return hub.futures().close();                      // sessions get 1001; the threads the hub made end
    }
    // end::hub[]

    /** The URL a satellite connects to, once started. */
    public String url() {
        return hub.url();
    }
}
