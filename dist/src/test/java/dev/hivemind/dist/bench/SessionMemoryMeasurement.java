package dev.hivemind.dist.bench;

import dev.hivemind.api.auth.ClientAuthFactory;
import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.ClientEndpoint;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.engine.client.HiveMindClient;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.config.ConfigLoader;
import dev.hivemind.engine.crypto.NonceSequence;
import dev.hivemind.engine.crypto.ReplayGuard;
import dev.hivemind.engine.hub.InMemoryClientRegistry;
import dev.hivemind.engine.plugin.PluginCatalog;
import dev.hivemind.engine.runtime.EnginePluginContext;
import dev.hivemind.engine.runtime.HiveMindEngine;
import dev.hivemind.engine.runtime.HubServer;
import dev.hivemind.engine.session.ClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures what an established, idle session costs in heap, replay defence included (docs/benchmarks/session-memory.md).
 * Not part of {@code mvn verify}; run it with
 * {@code mvn -B -pl dist -am test -Dtest=SessionMemoryMeasurement -Dsurefire.failIfNoSpecifiedTests=false
 * -Dhivemind.measure=true}. Results go to {@code dist/target/session-memory.txt}.
 */
@EnabledIfSystemProperty(named = "hivemind.measure", matches = "true")
class SessionMemoryMeasurement {
    private static final int SESSIONS = 400;
    private static final int GUARDS = 20_000;

    @TempDir
    Path home;

    @Test
    void measure() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(replayGuardCost("a Java peer (counter nonces), after 1 000 frames", g -> {
            NonceSequence peer = new NonceSequence(CipherSuite.AES_GCM);
            for (int i = 0; i < 1000; i++) {
                g.check(peer.next());
            }
        }));
        lines.add(replayGuardCost("a Python peer (random nonces), idle: 1 frame", g -> g.check(random16())));
        lines.add(replayGuardCost("a Python peer (random nonces), after 1 024 frames (ring full)", g -> {
            for (int i = 0; i < ReplayGuard.DEFAULT_CAPACITY; i++) {
                g.check(random16());
            }
        }));
        lines.add(sessionCost());
        Files.write(Path.of("target", "session-memory.txt"), lines);
        lines.forEach(System.out::println);
    }

    private static byte[] random16() {
        byte[] n = new byte[16];
        new SecureRandom().nextBytes(n);
        return n;
    }

    private static String replayGuardCost(String what, java.util.function.Consumer<ReplayGuard> feed) {
        long before = usedHeap();
        List<ReplayGuard> guards = new ArrayList<>(GUARDS);
        for (int i = 0; i < GUARDS; i++) {
            ReplayGuard g = new ReplayGuard();
            feed.accept(g);
            guards.add(g);
        }
        long after = usedHeap();
        long per = (after - before - 4L * GUARDS) / GUARDS; // minus the list's reference slots
        return String.format("replay guard, %s: %,d bytes per session (%,d guards)", what, per, guards.size());
    }

    /**
     * Hub and satellite in one JVM over TCP loopback (one satellite client, one access key, many sessions): the delta
     * covers both ends of every connection, so it is an upper bound of the hub's share.
     */
    private String sessionCost() throws Exception {
        String psk = "0123456789abcdef0123456789abcdef";
        PluginCatalog catalog = PluginCatalog.discover(getClass().getClassLoader());
        HubServer server = HiveMindEngine.create(ConfigLoader.fromTree(Map.of(
                "auth", Map.of("methods", List.of("psk")),
                "transports", Map.of("tcp", Map.of("host", "127.0.0.1", "port", 0))), home.resolve("hub")),
                catalog, new InMemoryClientRegistry(List.of(ClientRecord.builder("key").clientId(1).name("sat").cryptoKey(psk).build())));
        int port = server.start().get("tcp").getPort();
        ClientAuthFactory auth = catalog.clientAuth().get("psk");
        auth.initialize(new EnginePluginContext(PluginSettings.empty(), home, Clock.systemUTC(), new SecureRandom()));
        HiveMindClient client = HiveMindClient.create(catalog.transports().get("tcp"), List.of(auth),
                new ClientCredentials("key", null, psk, Map.of()), ClientOptions.defaults());
        ClientEndpoint endpoint = ClientEndpoint.parse("tcp://127.0.0.1:" + port, port);
        List<HiveMindConnection> open = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) { // warm up classes, pools and buffers
                open.add(client.connect(endpoint).toCompletableFuture().get(30, TimeUnit.SECONDS));
            }
            long before = usedHeap();
            for (int i = 0; i < SESSIONS; i++) {
                open.add(client.connect(endpoint).toCompletableFuture().get(30, TimeUnit.SECONDS));
            }
            long after = usedHeap();
            long per = (after - before) / SESSIONS;
            return String.format("established idle session (psk over TCP, hub and satellite ends together): "
                    + "%,d bytes per session (%d sessions measured, %d open on the hub)", per, SESSIONS,
                    server.hub().openSessions());
        } finally {
            open.forEach(HiveMindConnection::close);
            client.close();
            server.close();
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
