package dev.hivemind.embedded;

import dev.hivemind.api.agent.HiveAgent;
import dev.hivemind.api.registry.ClientRegistry;
import dev.hivemind.api.transport.TransportFactory;
import dev.hivemind.engine.config.ConfigException;
import dev.hivemind.engine.config.ConfigLoader;
import dev.hivemind.engine.config.HiveMindConfig;
import dev.hivemind.engine.hub.InMemoryClientRegistry;
import dev.hivemind.engine.plugin.PluginCatalog;
import dev.hivemind.engine.plugin.PluginDiscoveryException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds an {@link EmbeddedHub} from its builder: plugins, the configuration tree, the client registry. */
final class HubAssembly {
    private HubAssembly() {
    }

    static EmbeddedHub assemble(HubBuilder b) {
        if (b.registry != null && !b.clients.isEmpty()) {
            throw new IllegalArgumentException("give clients(registry) or client(...) records, not both");
        }
        ClassLoader loader = b.classLoader != null ? b.classLoader : HubAssembly.class.getClassLoader();
        PluginCatalog catalog = withAgent(SatelliteAssembly.discover(loader), b.agent);
        Map<String, Object> tree = new LinkedHashMap<>(b.config);
        if (!b.listen.isEmpty() || !tree.containsKey("transports")) {
            List<String> urls = b.listen.isEmpty() ? List.of("ws://0.0.0.0:5678") : b.listen;
            tree.put("transports", transports(catalog, urls, tree.get("transports")));
        }
        if (b.dataDirectory != null) {
            tree.put("data_dir", b.dataDirectory.toString());
        }
        if (b.agent != null) {
            tree.put("agent", b.agent.name());
        }
        HiveMindConfig config;
        try {
            config = ConfigLoader.fromTree(tree, b.dataDirectory);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("hub configuration: " + e.getMessage(), e);
        }
        ClientRegistry registry = b.registry != null ? b.registry : new InMemoryClientRegistry(b.clients);
        return new EmbeddedHub(config, catalog, registry, b.vertx, b.eventLoops);
    }

    private static Map<String, Object> transports(PluginCatalog catalog, List<String> urls, Object configured) {
        Map<?, ?> given = configured instanceof Map<?, ?> m ? m : Map.of();
        Map<String, Object> out = new LinkedHashMap<>();
        for (String url : urls) {
            URI uri = parse(url);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            TransportFactory factory = catalog.transports().values().stream()
                    .filter(t -> t.schemes().contains(scheme)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no installed transport serves '" + scheme
                            + "://' (installed: " + String.join(", ", catalog.transports().keySet())
                            + "): add hivemind-transport-vertx for ws and wss, hivemind-transport-tcp for tcp and tcps"));
            if (out.containsKey(factory.name())) {
                throw new IllegalArgumentException("one listen URL per transport: " + factory.name() + " twice");
            }
            Map<String, Object> section = new LinkedHashMap<>();
            if (given.get(factory.name()) instanceof Map<?, ?> own) {
                own.forEach((k, v) -> section.put(String.valueOf(k), v));
            }
            boolean secure = EmbeddedHub.scheme(factory, true).equals(scheme) && !EmbeddedHub.scheme(factory, false)
                    .equals(scheme);
            section.put("host", uri.getHost());
            section.put("port", uri.getPort() < 0 ? factory.defaultPort() : uri.getPort());
            Map<String, Object> tls = new LinkedHashMap<>();
            if (section.get("tls") instanceof Map<?, ?> t) {
                t.forEach((k, v) -> tls.put(String.valueOf(k), v));
            }
            tls.put("enabled", secure);
            section.put("tls", tls);
            out.put(factory.name(), section);
        }
        return out;
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("a listen URL needs a scheme and a host, like ws://0.0.0.0:5678: "
                        + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
    }

    /** The catalog with {@code agent} in it (replacing a discovered agent of the same name). */
    private static PluginCatalog withAgent(PluginCatalog found, HiveAgent agent) {
        if (agent == null) {
            return found;
        }
        Map<String, HiveAgent> agents = new LinkedHashMap<>(found.agents());
        agents.put(agent.name(), agent);
        try {
            return PluginCatalog.of(List.copyOf(found.serverAuth().values()), List.copyOf(found.clientAuth().values()),
                    List.copyOf(found.transports().values()), List.copyOf(agents.values()));
        } catch (PluginDiscoveryException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
