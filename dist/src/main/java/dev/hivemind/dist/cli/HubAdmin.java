package dev.hivemind.dist.cli;

import dev.hivemind.engine.hub.Hub;
import dev.hivemind.engine.runtime.HubServer;
import dev.hivemind.metrics.HubHealth;
import dev.hivemind.metrics.HubTelemetry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The hub's admin port ({@code listen --admin-port}): metrics and health over HTTP, and the file that tells
 * {@code hivemind status} where to find them ({@value #FILE_NAME} in the data directory, removed when the hub stops).
 */
final class HubAdmin implements AutoCloseable {
    /** The file in the data directory holding the admin URL of the hub running there. */
    static final String FILE_NAME = "hub-admin.url";

    private final HubTelemetry telemetry;
    private final Path file;
    private volatile boolean stopping;
    private String url;

    private HubAdmin(HubTelemetry telemetry, Path file) {
        this.telemetry = telemetry;
        this.file = file;
    }

    /** Starts metering (before the transports start, so that their Vert.x instances are metered). */
    static HubAdmin prepare(Path dataHome) {
        return new HubAdmin(HubTelemetry.start(), dataHome.resolve(FILE_NAME));
    }

    /** Adds the hub's meters, serves the admin port and writes the URL file; returns the URL. */
    String serve(HubServer server, String host, int port) {
        Hub hub = server.hub();
        telemetry.bind(hub);
        InetSocketAddress address;
        try {
            address = telemetry.serve(host, port, () -> health(server, hub));
        } catch (IOException e) {
            throw new CliFailure("cannot serve the admin port on " + host + ":" + port + ": " + e.getMessage());
        }
        url = "http://" + (address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString()) + ":"
                + address.getPort();
        try {
            Files.writeString(file, url + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure("cannot write " + file + ": " + e.getMessage());
        }
        return url;
    }

    private HubHealth health(HubServer server, Hub hub) {
        Map<String, String> transports = new LinkedHashMap<>();
        server.boundAddresses().forEach((name, a) -> transports.put(name, a.getHostString() + ":" + a.getPort()));
        int pending = hub.pendingHandshakes();
        return new HubHealth(!stopping && !transports.isEmpty(), transports, hub.openSessions() - pending, pending);
    }

    /** Where {@code hivemind status} finds the hub of a data directory, if one runs there with an admin port. */
    static Optional<String> urlOf(Path dataHome) {
        try {
            return Optional.of(Files.readString(dataHome.resolve(FILE_NAME), StandardCharsets.UTF_8).strip())
                    .filter(u -> !u.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Health says DOWN from now on (the hub is stopping). */
    void stopping() {
        stopping = true;
    }

    @Override
    public void close() {
        stopping = true;
        telemetry.close();
        try {
            if (url != null && urlOf(file.getParent()).filter(url::equals).isPresent()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a stale file only makes status report that nothing answers
        }
    }
}
