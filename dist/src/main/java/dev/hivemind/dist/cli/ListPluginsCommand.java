package dev.hivemind.dist.cli;

import dev.hivemind.api.auth.AuthMechanism;
import dev.hivemind.api.plugin.Availability;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.dist.runtime.NodeConfiguration;
import dev.hivemind.engine.config.HiveMindConfig;
import dev.hivemind.engine.config.TransportSettings;
import dev.hivemind.engine.plugin.PluginCatalog;
import dev.hivemind.engine.plugin.PluginDescriptor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.crypto.Cipher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code list-plugins}: every discovered auth method, transport, agent, binary handler and registry, and the ciphers
 * and encodings: whether each is available here (and why not), whether the configuration enables it, and what it
 * serves.
 */
@Command(name = "list-plugins", mixinStandardHelpOptions = true,
        description = {"List the plugins: auth, transports, agents, registries.",
                "Every discovered auth method, transport, agent, registry, cipher and encoding: enabled, available"
                        + " (or why not), what it serves."})
final class ListPluginsCommand implements Runnable {
    @ParentCommand
    HivemindCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (for the 'enabled' column).")
    Path config;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        NodeConfiguration node = NodeConfiguration.load(config, parent.dataHome(), parent.environment().distribution(),
                Map.of());
        HiveMindConfig cfg = node.config();
        PluginCatalog catalog = node.discoverPlugins();
        Map<String, String> sources = new java.util.HashMap<>();
        for (PluginDescriptor d : catalog.describe()) {
            sources.put(d.kind() + ":" + d.name(), d.source());
        }

        List<String> enabledAuth = cfg.effectiveAuthMethods(catalog.serverAuth().keySet());
        out.println("Auth methods:");
        TextTable auth = new TextTable(List.of("NAME", "ENABLED", "AVAILABLE", "SIDES", "SELECTOR", "OFFER FLAG",
                "PROVIDED BY"));
        java.util.Set<String> names = new TreeSet<>(catalog.serverAuth().keySet());
        names.addAll(catalog.clientAuth().keySet());
        for (String name : names) {
            AuthMechanism hub = catalog.serverAuth().get(name);
            AuthMechanism satellite = catalog.clientAuth().get(name);
            AuthMechanism f = hub != null ? hub : satellite;
            String kind = hub != null ? PluginCatalog.SERVER_AUTH : PluginCatalog.CLIENT_AUTH;
            String sides = hub != null && satellite != null ? "hub,satellite" : hub != null ? "hub" : "satellite";
            auth.add(List.of(name, yes(enabledAuth.contains(name)), available(f.availability()), sides,
                    f.selectorField().orElse("(none: key before handshake)"),
                    f.offerFlag().orElse(f.isHandshake() ? "handshake" : "-"), sources.get(kind + ":" + name)));
        }
        auth.print(out);
        missing(out, "auth method", enabledAuth, catalog.serverAuth().keySet());

        out.println();
        out.println("Transports:");
        TextTable transports = new TextTable(List.of("NAME", "ENABLED", "AVAILABLE", "SCHEMES", "DEFAULT PORT",
                "PROVIDED BY"));
        List<String> enabledTransports = cfg.transports().stream().map(TransportSettings::name).toList();
        for (TransportFactory t : catalog.transports().values()) {
            transports.add(List.of(t.name(), yes(enabledTransports.contains(t.name())), available(t.availability()),
                    String.join(",", new TreeSet<>(t.schemes())), Integer.toString(t.defaultPort()),
                    sources.get("transport:" + t.name())));
        }
        transports.print(out);
        missing(out, "transport", enabledTransports, catalog.transports().keySet());

        out.println();
        out.println("Agents:");
        TextTable agents = new TextTable(List.of("NAME", "SELECTED", "AVAILABLE", "DESCRIPTION"));
        catalog.agents().values().forEach(a -> agents.add(List.of(a.name(), yes(a.name().equals(cfg.agent())),
                available(a.availability()), a.description())));
        agents.print(out);
        missing(out, "agent", List.of(cfg.agent()), catalog.agents().keySet());
        if (!catalog.binaryHandlers().isEmpty() || cfg.routing().binaryHandler() != null) {
            out.println();
            out.println("Binary handlers:");
            TextTable handlers = new TextTable(List.of("NAME", "SELECTED", "AVAILABLE", "DESCRIPTION"));
            catalog.binaryHandlers().values().forEach(b -> handlers.add(List.of(b.name(),
                    yes(b.name().equals(cfg.routing().binaryHandler())), available(b.availability()),
                    b.description())));
            handlers.print(out);
            cfg.routing().optionalBinaryHandler().ifPresent(name -> missing(out, "binary handler", List.of(name),
                    catalog.binaryHandlers().keySet()));
        }

        out.println();
        out.println("Registries (client databases):");
        TextTable registries = new TextTable(List.of("NAME", "SELECTED", "AVAILABLE", "DESCRIPTION"));
        node.discoverRegistries().all().values().forEach(r -> registries.add(List.of(r.name(),
                yes(r.name().equals(cfg.registry().type())), available(r.availability()), r.description())));
        registries.print(out);
        missing(out, "registry", List.of(cfg.registry().type()), node.discoverRegistries().all().keySet());

        out.println();
        out.println("Ciphers:");
        TextTable ciphers = new TextTable(List.of("NAME", "ALLOWED", "AVAILABLE", "NONCE"));
        for (CipherSuite c : CipherSuite.values()) {
            ciphers.add(List.of(c.wireName(), yes(cfg.crypto().allowedCiphers().contains(c)), available(probe(c)),
                    c.nonceBytes() + " bytes"));
        }
        ciphers.print(out);

        out.println();
        out.println("Encodings:");
        TextTable encodings = new TextTable(List.of("NAME", "ALLOWED"));
        for (TextEncoding e : TextEncoding.values()) {
            encodings.add(List.of(e.wireName(), yes(cfg.crypto().allowedEncodings().contains(e))));
        }
        encodings.print(out);
        out.flush();
    }

    private static void missing(PrintWriter out, String kind, List<String> configured, java.util.Set<String> found) {
        for (String name : configured) {
            if (!found.contains(name)) {
                out.println("  ! configured " + kind + " '" + name + "' is not installed");
            }
        }
    }

    private static Availability probe(CipherSuite c) {
        String transformation = c == CipherSuite.AES_GCM ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305";
        try {
            Cipher.getInstance(transformation);
            return Availability.ok();
        } catch (GeneralSecurityException e) {
            return Availability.unavailable("the JDK has no " + transformation);
        }
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    private static String available(Availability a) {
        return a.isAvailable() ? "yes" : "no: " + a.reason();
    }
}
