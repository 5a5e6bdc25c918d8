package dev.hivemind.dist.cli;

import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.error.AuthenticationException;
import dev.hivemind.api.error.ConnectFailedException;
import dev.hivemind.api.error.ConnectTimeoutException;
import dev.hivemind.api.error.ConnectionClosedException;
import dev.hivemind.api.error.HandshakeTimeoutException;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.error.InternalHiveMindException;
import dev.hivemind.api.error.NegotiationException;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.transport.ClientTls;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.dist.runtime.NodeConfiguration;
import dev.hivemind.engine.auth.EnrollmentSettings;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.client.HubFailover;
import dev.hivemind.engine.codec.binary.Binarizer;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.codec.json.JsonLimits;
import dev.hivemind.engine.config.HiveMindConfig;
import dev.hivemind.engine.plugin.PluginCatalog;
import dev.hivemind.engine.plugin.PluginDiscoveryException;
import dev.hivemind.engine.runtime.EnginePluginContext;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.session.SessionEnvironment;
import dev.hivemind.engine.session.SessionFraming;
import dev.hivemind.engine.time.SystemScheduler;
import dev.hivemind.engine.work.WorkerPool;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code connect}: the satellite side. Handshakes with a hub, prints the negotiated session, sends utterances as BUS
 * {@code recognizer_loop:utterance} messages and prints what comes back.
 */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = {"Connect to a hub as a satellite and exchange utterances.",
                "Prints the negotiated session, sends each utterance and prints the replies. Exactly one mode: "
                + "--password (optionally with --crypto-key), --crypto-key alone, --rsa, or --auth METHOD for any "
                + "installed method (a drop-in plugin's too). The client never falls back to another mode."})
final class ConnectCommand implements Runnable {
    /** Waits between rounds of the URLs when reconnecting. */
    private static final Duration RECONNECT_INITIAL = Duration.ofSeconds(1);
    private static final Duration RECONNECT_MAX = Duration.ofSeconds(30);

    @ParentCommand
    HivemindCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "ws://HOST:PORT, wss://…, tcp://HOST:PORT or tcps://…; "
            + "several (the nodes of a cluster, one transport): tried in order until one serves.")
    List<String> urls;

    @Option(names = "--access-key", required = true, paramLabel = "KEY", description = "The client's access key.")
    String accessKey;

    @ArgGroup(exclusive = false, multiplicity = "1", heading = "Authentication (at least one):%n")
    Mode mode;

    static final class Mode {
        @Option(names = "--password", paramLabel = "PASSWORD", description = "Password handshake.")
        String password;

        @Option(names = "--crypto-key", paramLabel = "KEY",
                description = "Pre-shared key (16, 24 or 32 characters); with --password the handshake key replaces it.")
        String cryptoKey;

        @Option(names = "--rsa", description = "RSA handshake with this node's identity key; the hub's key is pinned "
                + "per host:port (trust on first use unless --strict-host-keys).")
        boolean rsa;

        @Option(names = "--auth", split = ",", paramLabel = "METHOD",
                description = "Auth methods by plugin name (comma-separated or repeated), e.g. a drop-in plugin's "
                        + "(see list-plugins). Replaces the methods --password, --crypto-key and --rsa imply; they then "
                        + "only supply secrets. At most one handshake method, optionally with psk.")
        List<String> auth;
    }

    @Option(names = "--option", paramLabel = "KEY=VALUE",
            description = "A method-specific client option (repeatable), e.g. token=SECRET for a drop-in 'token' method.")
    Map<String, String> methodOptions = new LinkedHashMap<>();

    @Option(names = "--send", paramLabel = "TEXT", description = "An utterance to send (repeatable).")
    List<String> send = new ArrayList<>();

    @Option(names = "--interactive", description = "Read utterances from standard input, one per line, until EOF, "
            + "and print every message the hub sends as it arrives (replies, broadcasts, intercoms, pings).")
    boolean interactive;

    @Option(names = "--reconnect", description = "With --interactive: when the hub goes away, connect again (to the "
            + "next URL first; a fresh handshake), waiting 1 s, then up to 30 s, between rounds of the URLs.")
    boolean reconnect;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for each reply (default ${DEFAULT-VALUE} s).")
    long waitSeconds;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long connecting and the handshake may take in all (default ${DEFAULT-VALUE} s).")
    long timeoutSeconds;

    @Option(names = "--user-agent", defaultValue = "HiveMessageBusClientV0.0.1", description = "User agent sent with the access key.")
    String userAgent;

    @Option(names = "--site-id", defaultValue = "unknown", description = "Site id announced in HELLO.")
    String siteId;

    @Option(names = "--lang", defaultValue = "en-us", description = "Language of the utterances.")
    String lang;

    @Option(names = "--no-binarize", description = "Do not ask for bit-packed binary frames.")
    boolean noBinarize;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "RSA: known-hosts file (default in the data directory).")
    Path knownHosts;

    @Option(names = "--strict-host-keys", description = "RSA: require a pre-pinned hub key (no trust on first use).")
    boolean strictHostKeys;

    @Option(names = "--identity", paramLabel = "PEM", description = "RSA: this node's private key file (default in the data directory).")
    Path identity;

    @Option(names = "--pin-sha256", paramLabel = "PIN", description = "TLS: accept only a server key with this SPKI SHA-256 (hex or base64; repeatable).")
    List<String> pins = new ArrayList<>();

    @Option(names = "--trust", paramLabel = "PEM", description = "TLS: trusted certificates (PEM).")
    Path trust;

    @Option(names = "--insecure", description = "TLS: accept any certificate (prefer --pin-sha256).")
    boolean insecure;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (plugin settings, limits).")
    Path config;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (timeoutSeconds <= 0 || waitSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout and --wait must be positive (seconds)");
        }
        List<String> methodNames = methodNames();
        Path home = parent.ensureDataHome();
        NodeConfiguration node = NodeConfiguration.load(config, home, parent.environment().distribution(), Map.of());
        HiveMindConfig cfg = node.config();
        PluginCatalog catalog = node.discoverPlugins();

        if (reconnect && !interactive) {
            throw new ParameterException(spec.commandLine(), "--reconnect needs --interactive");
        }
        List<ClientEndpoint> endpoints = new ArrayList<>();
        TransportFactory transport = null;
        for (String url : urls) {
            HubUrl hub = HubUrl.parse(spec.commandLine(), url, catalog, new ClientTls(trust, pins, insecure, true),
                    Duration.ofSeconds(timeoutSeconds));
            if (transport != null && transport != hub.transport()) {
                throw new ParameterException(spec.commandLine(), "the URLs need different transports ("
                        + transport.name() + ", " + hub.transport().name() + "): give URLs of one kind");
            }
            transport = hub.transport();
            endpoints.add(hub.endpoint());
        }

        Map<String, String> options = new LinkedHashMap<>();
        if (methodNames.contains("rsa")) {
            options.put("rsa", "true");
            if (knownHosts != null) {
                options.put("rsa.known_hosts_file", knownHosts.toAbsolutePath().toString());
            }
            if (identity != null) {
                options.put("rsa.identity_file", identity.toAbsolutePath().toString());
            }
            if (strictHostKeys) {
                options.put("rsa.strict_host_keys", "true");
            }
        }
        options.putAll(methodOptions);
        ClientCredentials credentials = new ClientCredentials(accessKey, mode.password, mode.cryptoKey, options);
        List<ClientAuthFactory> methods = selectMethods(catalog, methodNames, credentials);
        for (ClientAuthFactory m : methods) {
            m.initialize(new EnginePluginContext(EnrollmentSettings.split(cfg.authSettings(m.name())).pluginSettings(),
                    home, parent.environment().clock(), parent.environment().random()));
        }

        ClientOptions clientOptions = ClientOptions.defaults().withUserAgent(userAgent).withSiteId(siteId)
                .withBinarize(!noBinarize).withHandshakeTimeout(Duration.ofSeconds(timeoutSeconds));
        HiveJson json = new HiveJson(new JsonLimits(cfg.limits().maxFrameBytes(), cfg.limits().maxJsonDepth(),
                cfg.limits().maxFrameBytes()));
        HiveMessageCodec codec = new HiveMessageCodec(json);
        try (WorkerPool workers = new WorkerPool("hivemind-client", 2, 16);
                SystemScheduler scheduler = new SystemScheduler()) {
            SessionEnvironment env = new SessionEnvironment(cfg.handshake(), cfg.crypto(), cfg.limits(),
                    new SessionFraming(codec, new Binarizer(json)), workers, scheduler, parent.environment().random(),
                    System::nanoTime);
            HiveMindClient client = new HiveMindClient(transport.createClient(PluginSettings.empty()), methods,
                    credentials, clientOptions, env);
            HubDialer hubs = new HubDialer(new HubFailover(client, endpoints, scheduler, RECONNECT_INITIAL,
                    RECONNECT_MAX, 1), timeoutSeconds, out);
            try {
                HiveMindConnection connection = hubs.first();
                Conversation conversation = new Conversation(connection, codec, out, lang,
                        Duration.ofSeconds(waitSeconds), reconnect ? lost -> hubs.again() : null);
                for (String text : send) {
                    conversation.exchange(text);
                }
                if (interactive) {
                    conversation.interact(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
                }
                connection = conversation.connection();
                connection.close();
                connection.closed().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliFailure("interrupted");
            } catch (ExecutionException | TimeoutException e) {
                // closing is best effort
            } finally {
                client.close();
            }
        }
    }

    /** The methods named by {@code --auth}, else the ones the secret options imply. */
    private List<String> methodNames() {
        if (mode.auth != null) {
            List<String> names = mode.auth.stream().map(String::strip).filter(n -> !n.isEmpty()).distinct().toList();
            if (names.isEmpty()) {
                throw new CliFailure("--auth needs a method name (see 'hivemind list-plugins')");
            }
            return names;
        }
        if (mode.rsa && mode.password != null) {
            throw new CliFailure("choose one handshake: --password or --rsa");
        }
        List<String> names = new ArrayList<>();
        if (mode.cryptoKey != null) {
            names.add("psk");
        }
        if (mode.password != null) {
            names.add("password");
        }
        if (mode.rsa) {
            names.add("rsa");
        }
        return names;
    }

    /** The installed methods by name, each configured by the credentials, at most one of them a handshake. */
    private static List<ClientAuthFactory> selectMethods(PluginCatalog catalog, List<String> names,
            ClientCredentials credentials) {
        for (String name : names) {
            if (!catalog.clientAuth().containsKey(name)) {
                throw new CliFailure("auth method '" + name + "' is not installed (installed: "
                        + String.join(", ", catalog.clientAuth().keySet()) + "); put its jar in the plugins folder");
            }
        }
        List<ClientAuthFactory> methods;
        try {
            methods = catalog.selectClientAuth(names);
        } catch (PluginDiscoveryException e) {
            throw new CliFailure(e.getMessage());
        }
        List<String> handshakes = methods.stream().filter(ClientAuthFactory::isHandshake).map(ClientAuthFactory::name)
                .toList();
        if (handshakes.size() > 1) {
            throw new CliFailure("choose one handshake method, not " + String.join(" and ", handshakes)
                    + " (a key method such as psk may accompany it)");
        }
        for (ClientAuthFactory m : methods) {
            if (!m.configuredBy(credentials)) {
                throw new CliFailure("auth method '" + m.name() + "' lacks its credentials: " + hint(m.name()));
            }
        }
        return methods;
    }

    private static String hint(String method) {
        return switch (method) {
            case "password" -> "give --password";
            case "psk" -> "give --crypto-key";
            case "rsa" -> "give --rsa";
            default -> "give the --option KEY=VALUE settings the plugin reads";
        };
    }

    static String explain(Throwable cause, ClientEndpoint endpoint, boolean atDeadline) {
        String where = endpoint.address();
        if (cause instanceof ConnectionClosedException c) {
            return switch (c.peerCode()) {
                case 401 -> "the hub at " + where + " refused the access key (HTTP 401: " + c.reason() + ")";
                case 400 -> "the hub at " + where + " refused the request (HTTP 400: " + c.reason() + ")";
                case 429 -> "the hub at " + where + " refuses this client for now: too many failed attempts (HTTP 429)";
                case 1008 -> HubClose.describe(1008, c.reason()) + "; wrong password or key?";
                case 1006 -> ConnectFailure.abnormalClose(c.reason(), endpoint);
                default -> HubClose.describe(c.peerCode(), c.reason());
            };
        }
        if (cause instanceof AuthenticationException a) {
            return "authentication failed: " + a.getMessage();
        }
        if (cause instanceof NegotiationException n) {
            return "negotiation failed: " + n.getMessage();
        }
        if (cause instanceof ConnectTimeoutException) {
            return ConnectFailure.noAnswer(endpoint);
        }
        if (cause instanceof ConnectFailedException && cause.getCause() != null) {
            return ConnectFailure.describe(cause.getCause(), endpoint, atDeadline);
        }
        if (cause instanceof HandshakeTimeoutException t) {
            return "handshake timed out: " + t.getMessage();
        }
        if (cause instanceof InternalHiveMindException && cause.getCause() != null) {
            // the client wraps what the transport reported
            return ConnectFailure.describe(cause.getCause(), endpoint, atDeadline);
        }
        if (cause instanceof HiveMindException h) {
            return h.getMessage();
        }
        return ConnectFailure.describe(cause, endpoint, atDeadline);
    }
}
