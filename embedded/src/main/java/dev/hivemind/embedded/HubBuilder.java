package dev.hivemind.embedded;

import dev.hivemind.api.agent.HiveAgent;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configures an {@link EmbeddedHub}: where it listens, which clients it knows, what it does with their messages.
 * Everything else takes the keys of {@code hivemind.yaml} through {@link #config} (limits, auth methods and their
 * sections, handshake policy). Builders are not thread-safe.
 */
public final class HubBuilder {
    final List<String> listen = new ArrayList<>();
    final List<ClientRecord> clients = new ArrayList<>();
    final Map<String, Object> config = new LinkedHashMap<>();
    ClientRegistry registry;
    HiveAgent agent;
    Path dataDirectory;
    Vertx vertx;
    int eventLoops = Math.max(2, Runtime.getRuntime().availableProcessors());
    ClassLoader classLoader;

    HubBuilder() {
    }

    /**
     * Listen on {@code url}: {@code ws://HOST:PORT} (WebSocket; {@code wss} with TLS), {@code tcp://…} or
     * {@code tcps://…}; port 0 picks a free one (see {@link EmbeddedHub#url()}). Repeat for more transports, one URL
     * per transport. Default: {@code ws://0.0.0.0:5678}.
     */
    public HubBuilder listen(String url) {
        listen.add(Objects.requireNonNull(url, "url"));
        return this;
    }

    /** A client that authenticates with a password, held in memory (its name is its access key). */
    public HubBuilder client(String accessKey, String password) {
        return client(ClientRecord.builder(accessKey).clientId(clients.size() + 1).name(accessKey).password(password)
                .build());
    }

    /** A client record held in memory ({@code ClientRecord.builder(accessKey)…build()}: credentials, permissions). */
    public HubBuilder client(ClientRecord record) {
        clients.add(Objects.requireNonNull(record, "record"));
        return this;
    }

    /** The application's own client store instead of records held in memory. */
    public HubBuilder clients(ClientRegistry store) {
        this.registry = Objects.requireNonNull(store, "registry");
        return this;
    }

    /** What the hub does with authorised messages (default: the configured {@code agent}, {@code echo}). */
    public HubBuilder agent(HiveAgent messageAgent) {
        this.agent = Objects.requireNonNull(messageAgent, "agent");
        return this;
    }

    /**
     * Where the hub keeps files: its RSA identity, generated TLS certificates (default: {@code $HIVEMIND_HOME}, else
     * {@code ~/.local/share/hivemind-jvm}, as the {@code hivemind} command).
     */
    public HubBuilder dataDirectory(Path directory) {
        this.dataDirectory = Objects.requireNonNull(directory, "dataDirectory");
        return this;
    }

    /**
     * Configuration keys as in {@code hivemind.yaml}, as maps, lists and scalars, for example
     * {@code Map.of("auth", Map.of("methods", List.of("password")), "limits", Map.of("max_connections", 500))}.
     * Unknown keys are errors. {@link #listen} replaces the {@code transports} section (keeping each named transport's
     * other keys).
     */
    public HubBuilder config(Map<String, ?> tree) {
        config.putAll(tree);
        return this;
    }

    /**
     * Run on the application's Vert.x: the servers live on its event loops; the hub never closes it. Without one the
     * hub starts its own (see {@link #eventLoops}) and closes it with itself.
     */
    public HubBuilder vertx(Vertx shared) {
        this.vertx = Objects.requireNonNull(shared, "vertx");
        return this;
    }

    /** Event-loop threads of the hub's own Vert.x (default: the processors, at least 2). */
    public HubBuilder eventLoops(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("eventLoops must be at least 1");
        }
        this.eventLoops = threads;
        return this;
    }

    /** The class loader that finds transports, auth methods and agents (default: this library's). */
    public HubBuilder classLoader(ClassLoader loader) {
        this.classLoader = Objects.requireNonNull(loader, "classLoader");
        return this;
    }

    /**
     * Finds the plugins and validates the configuration; nothing listens until {@link EmbeddedHub#start()}.
     *
     * @throws IllegalArgumentException for a bad setting or configuration key
     * @throws IllegalStateException    when a transport, auth method or agent is missing
     */
    public EmbeddedHub build() {
        return HubAssembly.assemble(this);
    }
}
