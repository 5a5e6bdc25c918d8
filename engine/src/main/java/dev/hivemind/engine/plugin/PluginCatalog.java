package dev.hivemind.engine.plugin;

import dev.hivemind.api.agent.BinaryHandler;
import dev.hivemind.api.agent.HiveAgent;
import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ServerAuthFactory;
import dev.hivemind.api.plugin.Availability;
import dev.hivemind.api.plugin.NamedPlugin;
import dev.hivemind.api.transport.TransportFactory;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@link ServiceLoader} found, by kind and name: the hub's and the satellite's halves of auth methods
 * ({@link ServerAuthFactory}, {@link ClientAuthFactory}; one jar may register both), transports and agents. Discovery
 * is deterministic and fails fast: a plugin that cannot be instantiated, a malformed name, or two plugins of one kind
 * with one name stop start-up with a message listing what was found. Selecting the configured subset
 * ({@link #selectServerAuth}, ...) fails on names that are missing or unavailable.
 */
public final class PluginCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(PluginCatalog.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    /** {@link PluginDescriptor#kind()} of a {@link ServerAuthFactory}. */
    public static final String SERVER_AUTH = "server auth";
    /** {@link PluginDescriptor#kind()} of a {@link ClientAuthFactory}. */
    public static final String CLIENT_AUTH = "client auth";

    private final Map<String, ServerAuthFactory> serverAuth;
    private final Map<String, ClientAuthFactory> clientAuth;
    private final Map<String, TransportFactory> transports;
    private final Map<String, HiveAgent> agents;
    private final Map<String, BinaryHandler> binaryHandlers;

    private PluginCatalog(Map<String, ServerAuthFactory> serverAuth, Map<String, ClientAuthFactory> clientAuth,
            Map<String, TransportFactory> transports, Map<String, HiveAgent> agents,
            Map<String, BinaryHandler> binaryHandlers) {
        this.serverAuth = serverAuth;
        this.clientAuth = clientAuth;
        this.transports = transports;
        this.agents = agents;
        this.binaryHandlers = binaryHandlers;
    }

    /** Discovers every plugin visible to {@code loader}. */
    public static PluginCatalog discover(ClassLoader loader) {
        return new PluginCatalog(load(ServerAuthFactory.class, SERVER_AUTH, loader),
                load(ClientAuthFactory.class, CLIENT_AUTH, loader), load(TransportFactory.class, "transport", loader),
                load(HiveAgent.class, "agent", loader), load(BinaryHandler.class, "binary-handler", loader));
    }

    /** A catalog from explicit instances (tests, embedding). The same uniqueness rules apply. */
    public static PluginCatalog of(List<? extends ServerAuthFactory> serverAuth,
            List<? extends ClientAuthFactory> clientAuth, List<? extends TransportFactory> transports,
            List<? extends HiveAgent> agents) {
        return of(serverAuth, clientAuth, transports, agents, List.of());
    }

    /** A catalog from explicit instances, binary handlers included. */
    public static PluginCatalog of(List<? extends ServerAuthFactory> serverAuth,
            List<? extends ClientAuthFactory> clientAuth, List<? extends TransportFactory> transports,
            List<? extends HiveAgent> agents, List<? extends BinaryHandler> binaryHandlers) {
        return new PluginCatalog(index(serverAuth, SERVER_AUTH), index(clientAuth, CLIENT_AUTH),
                index(transports, "transport"), index(agents, "agent"), index(binaryHandlers, "binary-handler"));
    }

    /** The hub's halves of the auth methods, by name. */
    public Map<String, ServerAuthFactory> serverAuth() {
        return serverAuth;
    }

    /** The satellite's halves of the auth methods, by name. */
    public Map<String, ClientAuthFactory> clientAuth() {
        return clientAuth;
    }

    public Map<String, TransportFactory> transports() {
        return transports;
    }

    public Map<String, HiveAgent> agents() {
        return agents;
    }

    public Map<String, BinaryHandler> binaryHandlers() {
        return binaryHandlers;
    }

    /** The hub's halves of the configured auth methods, in configured order; unavailable or missing ones stop start-up. */
    public List<ServerAuthFactory> selectServerAuth(List<String> names) {
        return select(serverAuth, names, "auth method");
    }

    /** The satellite's halves of the named auth methods, in order; unavailable or missing ones are errors. */
    public List<ClientAuthFactory> selectClientAuth(List<String> names) {
        return select(clientAuth, names, "client auth method");
    }

    /** The named transports; unavailable or missing ones stop start-up. */
    public List<TransportFactory> selectTransports(List<String> names) {
        return select(transports, names, "transport");
    }

    /** The named agent. */
    public HiveAgent selectAgent(String name) {
        return select(agents, List.of(name), "agent").get(0);
    }

    /** The named binary handler. */
    public BinaryHandler selectBinaryHandler(String name) {
        return select(binaryHandlers, List.of(name), "binary handler").get(0);
    }

    /** Descriptors of everything found, for {@code list-plugins}. */
    public List<PluginDescriptor> describe() {
        List<PluginDescriptor> out = new ArrayList<>();
        serverAuth.values().forEach(p -> out.add(descriptor(SERVER_AUTH, p)));
        clientAuth.values().forEach(p -> out.add(descriptor(CLIENT_AUTH, p)));
        transports.values().forEach(p -> out.add(descriptor("transport", p)));
        agents.values().forEach(p -> out.add(descriptor("agent", p)));
        binaryHandlers.values().forEach(p -> out.add(descriptor("binary-handler", p)));
        return out;
    }

    private static <T extends NamedPlugin> List<T> select(Map<String, T> found, List<String> names, String kind) {
        List<T> out = new ArrayList<>();
        for (String name : names) {
            T plugin = found.get(name);
            if (plugin == null) {
                throw new PluginDiscoveryException("configured " + kind + " '" + name + "' is not installed; found: "
                        + (found.isEmpty() ? "none" : String.join(", ", found.keySet()))
                        + ". Put its jar in the plugins folder or remove it from the configuration.");
            }
            Availability a = plugin.availability();
            if (!a.isAvailable()) {
                throw new PluginDiscoveryException("configured " + kind + " '" + name + "' is not available here: "
                        + a.reason());
            }
            if (out.contains(plugin)) {
                throw new PluginDiscoveryException(kind + " '" + name + "' is configured twice");
            }
            out.add(plugin);
        }
        return Collections.unmodifiableList(out);
    }

    private static <T extends NamedPlugin> Map<String, T> load(Class<T> type, String kind, ClassLoader loader) {
        List<T> found = new ArrayList<>();
        try {
            for (T plugin : ServiceLoader.load(type, loader)) {
                found.add(plugin);
            }
        } catch (ServiceConfigurationError e) {
            throw new PluginDiscoveryException("cannot load a " + kind + " plugin: " + e.getMessage());
        }
        Map<String, T> indexed = index(found, kind);
        indexed.values().forEach(p -> {
            Availability a = p.availability();
            if (a.isAvailable()) {
                LOG.debug("found {} plugin '{}' ({})", kind, p.name(), p.getClass().getName());
            } else {
                LOG.warn("{} plugin '{}' is unavailable and will not be used: {}", kind, p.name(), a.reason());
            }
        });
        return indexed;
    }

    private static <T extends NamedPlugin> Map<String, T> index(List<? extends T> plugins, String kind) {
        Map<String, List<T>> byName = new LinkedHashMap<>();
        for (T p : plugins) {
            String name = p.name();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new PluginDiscoveryException(kind + " plugin " + p.getClass().getName()
                        + " has an invalid name '" + name + "' (lower-case letters, digits, '-' or '_')");
            }
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(p);
        }
        Map<String, T> out = new LinkedHashMap<>();
        List<String> clashes = new ArrayList<>();
        byName.forEach((name, list) -> {
            if (list.size() > 1) {
                clashes.add("'" + name + "' from " + list.stream().map(PluginCatalog::origin)
                        .collect(Collectors.joining(" and ")));
            } else {
                out.put(name, list.get(0));
            }
        });
        if (!clashes.isEmpty()) {
            throw new PluginDiscoveryException("two " + kind + " plugins share a name: " + String.join("; ", clashes)
                    + ". Remove one of the jars.");
        }
        return Collections.unmodifiableMap(new java.util.TreeMap<>(out));
    }

    private static PluginDescriptor descriptor(String kind, NamedPlugin p) {
        return new PluginDescriptor(kind, p.name(), p.getClass().getName(), origin(p), p.availability(),
                p.description());
    }

    static String origin(Object plugin) {
        CodeSource cs = plugin.getClass().getProtectionDomain().getCodeSource();
        String where = cs == null || cs.getLocation() == null ? "?" : cs.getLocation().getPath();
        int slash = where.lastIndexOf('/', where.length() - 2);
        return plugin.getClass().getName() + " (" + (slash >= 0 ? where.substring(slash + 1) : where)
                .replaceAll("/$", "") + ")";
    }
}
