package dev.hivemind.dist.cli;

import dev.hivemind.engine.config.HiveMindConfig;
import dev.hivemind.engine.config.TransportSettings;
import dev.hivemind.transport.vertx.ServerCertificates;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code listen} prints once the hub serves: process id, data directory, configuration, one line per bound
 * transport, the TLS pin satellites need, the auth methods, the cluster this node is a member of, and how to add a
 * first client and connect with it.
 */
final class HubBanner {
    /** The line that ends the banner (scripts and tests wait for it). */
    static final String READY = "Press Ctrl-C to stop.";

    private static final String DEFAULT_NODE_ID = "master:0.0.0.0";

    private HubBanner() {
    }

    static void print(PrintWriter out, HiveMindConfig cfg, Map<String, InetSocketAddress> bound, Path home,
            Optional<Path> configFile, List<String> authMethods, int clients, String adminUrl, String cluster) {
        out.println("HiveMind hub running (pid " + ProcessHandle.current().pid() + ", data " + home
                + configFile.map(p -> ", config " + p).orElse(", built-in configuration") + ")");
        if (!cfg.nodeId().equals(DEFAULT_NODE_ID)) {
            out.println("  node id: " + Text.printable(cfg.nodeId()));
        }
        Set<String> pins = new LinkedHashSet<>();
        for (TransportSettings t : cfg.transports()) {
            InetSocketAddress a = bound.get(t.name());
            out.println("  listening: " + t.name() + " " + scheme(t) + "://" + a.getHostString() + ":" + a.getPort());
            if (t.tls().enabled()) {
                pins.add(ServerCertificates.pinOf(certificate(t, cfg)));
            }
        }
        for (String pin : pins) {
            out.println("  TLS pin (SPKI SHA-256): " + pin);
        }
        out.println("  auth methods: " + String.join(", ", authMethods));
        out.println("  agent: " + cfg.agent() + cfg.routing().optionalUpstream().map(u -> "; upstream hub: " + u.url())
                .orElse(""));
        if (cluster != null) {
            out.println("  cluster: " + cluster);
        }
        if (adminUrl != null) {
            out.println("  admin: " + adminUrl + "/metrics, " + adminUrl + "/health ('hivemind status' shows them)");
        }
        if (clients == 0) {
            TransportSettings first = cfg.transports().get(0);
            String pinOption = pins.isEmpty() ? "" : " --pin-sha256 " + pins.iterator().next();
            out.println();
            out.println("No clients yet. Add one (it prints its access key and password):");
            out.println("  hivemind add-client --name my-satellite");
            out.println("Then connect with it:");
            out.println("  hivemind connect " + scheme(first) + "://127.0.0.1:" + bound.get(first.name()).getPort()
                    + pinOption + " --access-key ACCESS_KEY --password PASSWORD --send \"hello\"");
        } else {
            out.println("  clients: " + clients);
        }
        out.println(READY);
        out.flush();
    }

    /** The certificate file a TLS transport serves (the generated one in the data directory by default). */
    private static Path certificate(TransportSettings t, HiveMindConfig cfg) {
        return t.tls().certFile() != null ? t.tls().certFile()
                : cfg.dataDirectory().resolve("certs").resolve(ServerCertificates.CERT_FILE);
    }

    static String scheme(TransportSettings t) {
        boolean secure = t.tls().enabled();
        return switch (t.name()) {
            case "websocket" -> secure ? "wss" : "ws";
            case "tcp" -> secure ? "tcps" : "tcp";
            default -> t.name();
        };
    }
}
