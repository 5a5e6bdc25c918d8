package dev.hivemind.engine.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.engine.client.HiveMindConnection;
import dev.hivemind.engine.session.ClientOptions;
import dev.hivemind.engine.tck.HubHarness;
import dev.hivemind.engine.tck.TestClients;
import dev.hivemind.engine.testplugin.TokenClientAuthFactory;
import dev.hivemind.engine.testplugin.TokenServerAuthFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client whose record loses a right while it is connected (revoked, deleted, password reset after a leak, admin
 * removed) loses its session at the next recheck: before, the session lasted as long as the connection.
 */
class ClientRecheckTest {
    private final ClientRecord kitchen = TestClients.client().id(2).key("k2").name("kitchen").build();
    private final ClientRecord admin = TestClients.client().id(1).key("k1").name("admin").admin(true).build();

    @TempDir
    Path dir;

    private HubHarness hub() {
        return HubHarness.builder().methods(List.of(new TokenServerAuthFactory())).clients(List.of(admin, kitchen))
                .dataDirectory(dir).build();
    }

    private HiveMindConnection connect(HubHarness h, ClientRecord r) throws Exception {
        return h.connect(h.client(List.of(new TokenClientAuthFactory()), new ClientCredentials(r.apiKey(), null, null,
                Map.of("token", r.password())), ClientOptions.defaults(), dir, Map.of()));
    }

    private static void awaitEstablished(HubHarness h, int sessions) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (h.hub().router().directory().peers().size() < sessions && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertEquals(sessions, h.hub().router().directory().peers().size());
    }

    @Test
    void aRevokedClientLosesItsSessionAtTheNextRecheck() throws Exception {
        try (HubHarness h = hub()) {
            HiveMindConnection k = connect(h, kitchen);
            HiveMindConnection a = connect(h, admin);
            awaitEstablished(h, 2);
            h.registry().update(kitchen.toBuilder().apiKey(ClientRecord.REVOKED).build());
            h.scheduler().advance(ClientRecheck.INTERVAL);
            HiveMindConnection.CloseInfo close = k.closed().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(1008, close.code());
            assertEquals("client revoked", close.reason());
            assertFalse(a.closed().toCompletableFuture().isDone(), "the other client keeps its session");
        }
    }

    @Test
    void aResetPasswordOrARemovedAdminRightEndsTheSessionsThatHeldThem() throws Exception {
        try (HubHarness h = hub()) {
            HiveMindConnection k = connect(h, kitchen);
            HiveMindConnection a = connect(h, admin);
            awaitEstablished(h, 2);
            h.registry().update(kitchen.toBuilder().password("a new password").credential("token", "new").build());
            h.registry().update(admin.toBuilder().admin(false).build());
            assertEquals(2, h.hub().recheckClients().toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertEquals(1008, k.closed().toCompletableFuture().get(10, TimeUnit.SECONDS).code());
            assertEquals("client permissions changed", a.closed().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .reason());
        }
    }

    @Test
    void aChangeThatOnlyGrantsMoreKeepsTheSession() throws Exception {
        try (HubHarness h = hub()) {
            HiveMindConnection k = connect(h, kitchen);
            awaitEstablished(h, 1);
            List<String> more = new java.util.ArrayList<>(kitchen.allowedTypes());
            more.add("speak");
            h.registry().update(kitchen.toBuilder().admin(true).name("renamed").allowedTypes(more).build());
            assertEquals(0, h.hub().recheckClients().toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertFalse(k.closed().toCompletableFuture().isDone());
        }
    }

    @Test
    void whatCountsAsALostRight() {
        assertTrue(ClientRecheck.lostRight(kitchen, Optional.empty()).isPresent());
        assertTrue(ClientRecheck.lostRight(kitchen, Optional.of(kitchen.toBuilder().clientId(9).build())).isPresent());
        assertTrue(ClientRecheck.lostRight(kitchen, Optional.of(kitchen.toBuilder().canPropagate(false).build()))
                .isPresent());
        assertTrue(ClientRecheck.lostRight(kitchen, Optional.of(kitchen.toBuilder().allowedTypes(
                List.of(ClientRecord.UTTERANCE)).build())).isPresent());
        assertTrue(ClientRecheck.lostRight(kitchen, Optional.of(kitchen.toBuilder().messageBlacklist(
                List.of("speak")).build())).isPresent());
        assertTrue(ClientRecheck.lostRight(kitchen, Optional.of(kitchen.toBuilder().lastSeen(42).description("x")
                .build())).isEmpty());
    }
}
