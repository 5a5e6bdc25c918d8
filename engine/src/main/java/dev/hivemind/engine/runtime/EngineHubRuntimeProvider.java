package dev.hivemind.engine.runtime;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.runtime.HubRuntime;
import dev.hivemind.api.runtime.HubRuntimeProvider;
import dev.hivemind.api.transport.ConnectionAcceptor;
import dev.hivemind.engine.config.ConfigException;
import dev.hivemind.engine.config.ConfigLoader;
import dev.hivemind.engine.config.HiveMindConfig;
import dev.hivemind.engine.hub.InMemoryClientRegistry;
import dev.hivemind.engine.plugin.PluginCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a hub from a configuration tree for hosts that own their transport (the Vert.x verticle). Besides the keys of
 * the YAML configuration, the tree may hold {@code clients}: a list of client records
 * ({@code client_id, access_key, name, password, crypto_key, public_key, is_admin}) served from memory (first-use
 * enrolments are kept in memory only). Plugins are discovered
 * on the thread's context class loader.
 */
public final class EngineHubRuntimeProvider implements HubRuntimeProvider {
    @Override
    public HubRuntime create(Map<String, Object> configuration) {
        Map<String, Object> tree = new LinkedHashMap<>(configuration == null ? Map.of() : configuration);
        List<ClientRecord> clients = readClients(tree.remove("clients"));
        tree.putIfAbsent("transports", Map.of());
        HiveMindConfig config = ConfigLoader.fromTree(tree, null);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        PluginCatalog catalog = PluginCatalog.discover(loader == null ? getClass().getClassLoader() : loader);
        HubServer server = HiveMindEngine.create(config, catalog, new InMemoryClientRegistry(clients));
        server.hub().startRouting();
        return new HubRuntime() {
            @Override
            public ConnectionAcceptor acceptor() {
                return server.hub();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    private static List<ClientRecord> readClients(Object value) {
        List<ClientRecord> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof List<?> list)) {
            throw new ConfigException("clients must be a list of client records");
        }
        int nextId = 1;
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) {
                throw new ConfigException("clients: each entry must be a map");
            }
            Object key = m.get("access_key");
            if (!(key instanceof String accessKey) || accessKey.isEmpty()) {
                throw new ConfigException("clients: each entry needs an access_key");
            }
            int id = m.get("client_id") instanceof Number n ? n.intValue() : nextId;
            nextId = Math.max(nextId, id) + 1;
            out.add(ClientRecord.builder(accessKey).clientId(id).name(str(m.get("name"), "client-" + id))
                    .admin(Boolean.TRUE.equals(m.get("is_admin")))
                    .password(str(m.get("password"), null))
                    .cryptoKey(str(m.get("crypto_key"), null))
                    .credential(ClientRecord.RSA, str(m.get("public_key"), null))
                    .build());
        }
        return out;
    }

    private static String str(Object o, String fallback) {
        return o instanceof String s ? s : fallback;
    }
}
