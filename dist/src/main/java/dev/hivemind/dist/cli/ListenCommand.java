package dev.hivemind.dist.cli;

import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.dist.runtime.HubVertx;
import dev.hivemind.dist.runtime.ClusterLauncher;
import dev.hivemind.dist.runtime.NodeConfiguration;
import dev.hivemind.engine.cluster.HubCluster;
import dev.hivemind.engine.config.HiveMindConfig;
import dev.hivemind.engine.runtime.HiveMindEngine;
import dev.hivemind.engine.runtime.HubServer;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code listen}: runs the hub on the configured transports until the process is stopped (SIGINT/SIGTERM), serving
 * the clients of the data directory's database.
 */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = {"Run the hub until stopped (Ctrl-C).",
                "Options override the configuration file; without one the embedded defaults apply "
                        + "(WebSocket on 0.0.0.0:5678)."})
final class ListenCommand implements Runnable {
    @ParentCommand
    HivemindCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: $HIVEMIND_HOME/"
            + NodeConfiguration.FILE_NAME + ", else conf/" + NodeConfiguration.FILE_NAME + " of the distribution).")
    Path config;

    @Option(names = "--host", description = "Bind address for every transport.")
    String host;

    @Option(names = "--port", description = "Port of the first listed transport (WebSocket default 5678).")
    Integer port;

    @Option(names = "--tcp-port", description = "Port of the TCP transport (default 5680).")
    Integer tcpPort;

    @Option(names = "--transport", split = ",", paramLabel = "NAME",
            description = "Transports to run, comma-separated (websocket, tcp). Default: the configuration's.")
    List<String> transports;

    @Option(names = "--tls", description = "Serve TLS (wss/tcps); a self-signed certificate is made at first start.")
    boolean tls;

    @Option(names = "--cert", paramLabel = "PEM", description = "TLS certificate file (with --tls).")
    Path cert;

    @Option(names = "--key", paramLabel = "PEM", description = "TLS private key file (with --tls).")
    Path key;

    @Option(names = "--binarize", description = "Offer bit-packed binary frames.")
    boolean binarize;

    @Option(names = "--cluster", description = "Run as one node of a cluster of hub nodes (the configuration's "
            + "cluster: section says where the other nodes are; docs/cluster.md).")
    boolean cluster;

    @Option(names = "--admin-port", paramLabel = "PORT", description = "Serve metrics (/metrics, Prometheus) and "
            + "health (/health) on this port (0: any free one); off by default. 'hivemind status' reads them.")
    Integer adminPort;

    @Option(names = "--admin-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The admin port's address (default ${DEFAULT-VALUE}: this machine only; it has no password).")
    String adminHost;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Path home = parent.ensureDataHome();
        NodeConfiguration node = NodeConfiguration.load(config, home, parent.environment().distribution(), overrides());
        HiveMindConfig cfg = node.config();
        ClientStore store = node.openClientStore();
        HubAdmin admin = adminPort == null ? null : HubAdmin.prepare(home);
        HubCluster joined = null;
        HubServer server;
        try {
            joined = cfg.cluster().enabled() ? ClusterLauncher.join(cfg.cluster(), parent.environment().distribution())
                    : null;
            server = joined == null ? HiveMindEngine.create(cfg, node.discoverPlugins(), store)
                    : HiveMindEngine.create(cfg, node.discoverPlugins(), store, joined.module());
        } catch (RuntimeException e) {
            leave(joined);
            closeAll(admin, store);
            throw new CliFailure("cannot start the hub: " + e.getMessage());
        }
        HubCluster member = joined;
        Map<String, InetSocketAddress> bound;
        String adminUrl;
        try {
            bound = server.start(HubVertx.forHub(cfg));
            adminUrl = admin == null ? null : admin.serve(server, adminHost, adminPort);
        } catch (RuntimeException e) {
            server.close();
            leave(member);
            closeAll(admin, store);
            throw e instanceof CliFailure ? e : new CliFailure(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            if (admin != null) {
                admin.stopping();
            }
            server.close();
            leave(member);
            closeAll(admin, store);
            stopped.countDown();
        }, "hivemind-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        HubBanner.print(out, cfg, bound, home, node.source(), server.hub().authMethodNames(), store.list().size(),
                adminUrl, member == null ? null : "member " + member.memberAddress() + " of cluster '" + member.name()
                        + "' (" + member.members().size() + " members: " + String.join(", ", member.members()) + ")");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Leaves the cluster (after the hub closed its connections): the other nodes drop this node's peers. */
    private static void leave(HubCluster member) {
        if (member != null) {
            member.close();
        }
    }

    private static void closeAll(HubAdmin admin, ClientStore store) {
        if (admin != null) {
            admin.close();
        }
        store.close();
    }

    /** Command-line options as configuration keys. */
    private Map<String, Object> overrides() {
        Map<String, Object> tree = new LinkedHashMap<>();
        if (binarize) {
            tree.put("binarize", true);
        }
        if (cluster) {
            tree.put("cluster", Map.of("enabled", true));
        }
        if (transports == null && host == null && port == null && tcpPort == null && !tls) {
            return tree;
        }
        List<String> names = transports == null ? List.of("websocket") : transports;
        Map<String, Object> ts = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim();
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("enabled", true);
            if (host != null) {
                t.put("host", host);
            }
            if (i == 0 && port != null) {
                t.put("port", port);
            }
            if (name.equals("tcp") && tcpPort != null) {
                t.put("port", tcpPort);
            }
            if (tls) {
                Map<String, Object> tlsMap = new LinkedHashMap<>();
                tlsMap.put("enabled", true);
                if (cert != null) {
                    tlsMap.put("cert_file", cert.toAbsolutePath().toString());
                }
                if (key != null) {
                    tlsMap.put("key_file", key.toAbsolutePath().toString());
                }
                t.put("tls", tlsMap);
            }
            ts.put(name, t);
        }
        if (transports != null) {
            // transports not listed are switched off
            for (String other : List.of("websocket", "tcp")) {
                ts.putIfAbsent(other, Map.of("enabled", false));
            }
        }
        tree.put("transports", ts);
        return tree;
    }
}
