package dev.hivemind.api.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.registry.ClientRegistry.Enrollment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract every client database plugin keeps ({@link ClientStore}), run by each plugin's own test against a
 * real database: a subclass says how to open a store. {@link ConcurrentClientStoreContract} adds what several stores
 * on one database (a hub and the CLI, several hub nodes) must see.
 */
public abstract class ClientStoreContract {
    /**
     * Opens a store on this test's database: empty at the first call of each test; later calls in the same test open
     * further stores on the same database, as another process would.
     */
    protected abstract ClientStore openStore();

    protected static ClientRecord draft(String key) {
        return ClientRecord.builder(key).password("pw-" + key).cryptoKey("k".repeat(32)).build();
    }

    /** A record with every field set, non-default values and characters that need care. */
    protected static ClientRecord full(String key) {
        return ClientRecord.builder(key).name("Zé's 'den'").description("desc\nwith a newline").admin(true)
                .lastSeen(1700000000.25).intentBlacklist(List.of("skill-a:intent_b")).skillBlacklist(List.of("skill-c"))
                .messageBlacklist(List.of("enclosure.x", "speak")).allowedTypes(List.of("speak"))
                .cryptoKey("c".repeat(24)).password("pässwörd").canBroadcast(false).canEscalate(false)
                .canPropagate(true)
                .credential(ClientRecord.RSA, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
                .credential("token", "a drop-in method's own credential")
                .metadata(Map.of("owner", "me", "nested", Map.of("n", 1, "list", List.of(true, 2.5, "🚀"))))
                .build();
    }

    @Test
    void aNewDatabaseIsEmptyAndAtItsCurrentSchema() {
        try (ClientStore store = openStore()) {
            assertTrue(store.listAll().isEmpty());
            assertEquals(0, store.count());
            assertTrue(store.schemaVersion() > 0);
            assertFalse(store.location().isBlank());
        }
    }

    @Test
    void addGivesIncreasingIdsAndDefaults() {
        try (ClientStore store = openStore()) {
            ClientRecord first = store.add(draft("a"));
            ClientRecord second = store.add(draft("b").toBuilder().name("porch").build());
            assertEquals(1, first.clientId());
            assertEquals(2, second.clientId());
            assertEquals("HiveMind-Node-1", first.name());
            assertEquals("porch", second.name());
            assertEquals(first, store.get(1).orElseThrow());
            assertEquals(ClientRecord.DEFAULT_ALLOWED_TYPES, first.allowedTypes());
            assertTrue(first.canBroadcast() && first.canEscalate() && first.canPropagate());
            assertEquals(-1, first.lastSeen());
            assertEquals(List.of(first, second), store.list());
            assertEquals(Optional.empty(), store.get(3));
        }
    }

    @Test
    void everyFieldAndCredentialSurvivesTheDatabase() {
        ClientRecord full = full("key-1");
        try (ClientStore store = openStore()) {
            ClientRecord stored = store.add(full);
            assertEquals(full.toBuilder().clientId(stored.clientId()).build(), stored);
            assertEquals(stored, store.get(stored.clientId()).orElseThrow());
            assertEquals(stored, store.findByAccessKey("key-1").orElseThrow());
            assertEquals(List.of(stored), store.listAll());
            assertEquals(List.of("speak", ClientRecord.UTTERANCE), stored.allowedTypes());
        }
        try (ClientStore reopened = openStore()) {
            assertEquals(full.toBuilder().clientId(1).build(), reopened.get(1).orElseThrow(), "after a reopen too");
        }
    }

    @Test
    void revokeKeepsTheIdClearsSecretsAndIdsAreNeverReused() {
        try (ClientStore store = openStore()) {
            store.add(draft("a"));
            ClientRecord second = store.add(draft("b").toBuilder().admin(true).name("porch").description("d")
                    .credential(ClientRecord.RSA, "PEM").build());
            assertEquals(second, store.revoke(second.clientId()));

            ClientRecord revoked = store.get(2).orElseThrow();
            assertTrue(revoked.revoked());
            assertEquals("porch", revoked.name());
            assertEquals("d", revoked.description());
            assertNull(revoked.password());
            assertNull(revoked.cryptoKey());
            assertTrue(revoked.credentials().isEmpty());
            assertFalse(revoked.admin());

            assertEquals(3, store.add(draft("c")).clientId(), "the highest id stays taken after its revocation");
            assertEquals(List.of(1, 3), store.list().stream().map(ClientRecord::clientId).toList());
            assertEquals(3, store.listAll().size());
            assertEquals(3, store.count(), "revoked clients count");
            assertEquals("client 2 is revoked",
                    assertThrows(ClientStoreException.class, () -> store.revoke(2)).getMessage());
            assertEquals("no client with id 9",
                    assertThrows(ClientStoreException.class, () -> store.revoke(9)).getMessage());
        }
    }

    @Test
    void findByAccessKeyNeverReturnsRevokedClients() {
        try (ClientStore store = openStore()) {
            ClientRecord a = store.add(draft("a"));
            store.add(draft("b"));
            store.revoke(2);
            assertEquals(a, store.findByAccessKey("a").orElseThrow());
            assertTrue(store.findByAccessKey("b").isEmpty());
            assertTrue(store.findByAccessKey(ClientRecord.REVOKED).isEmpty());
            assertTrue(store.findByAccessKey("").isEmpty());
            assertTrue(store.findByAccessKey(null).isEmpty());
            assertTrue(store.findByAccessKey("nobody").isEmpty());
            assertTrue(store.findByAccessKey("A").isEmpty(), "access keys are case-sensitive");
        }
    }

    @Test
    void anAccessKeyBelongsToOneActiveClient() {
        try (ClientStore store = openStore()) {
            store.add(draft("a"));
            store.add(draft("b"));
            assertEquals("client 3: the access key is already used by client 1",
                    assertThrows(ClientStoreException.class, () -> store.add(draft("a"))).getMessage());
            assertThrows(ClientStoreException.class, () -> store.update(2, c -> c.toBuilder().apiKey("a").build()));
            assertThrows(ClientStoreException.class, () -> store.add(draft(ClientRecord.REVOKED)));
            assertThrows(ClientStoreException.class, () -> store.add(draft(" ")));
            assertEquals(2, store.count(), "failed writes left nothing behind");
            store.revoke(1);
            assertEquals(3, store.add(draft("a")).clientId(), "a revoked client's key may be given again");
        }
    }

    @Test
    void updateChangesOneClientAndKeepsItsRules() {
        try (ClientStore store = openStore()) {
            store.add(draft("a"));
            store.add(draft("b"));
            ClientRecord renamed = store.update(1, c -> c.toBuilder().name("attic").password(null)
                    .credential("token", "t").build());
            assertEquals(renamed, store.get(1).orElseThrow());
            assertEquals(Map.of(ClientRecord.PSK, "k".repeat(32), "token", "t"), renamed.credentials());
            assertEquals(renamed, store.update(1, c -> c), "no change, no write");
            assertThrows(ClientStoreException.class, () -> store.update(1, c -> c.toBuilder().clientId(7).build()));
            assertThrows(ClientStoreException.class,
                    () -> store.update(1, c -> c.toBuilder().apiKey(ClientRecord.REVOKED).build()));
            assertEquals("no client with id 9",
                    assertThrows(ClientStoreException.class, () -> store.update(9, c -> c)).getMessage());
            store.revoke(1);
            assertEquals("client 1 is revoked",
                    assertThrows(ClientStoreException.class, () -> store.update(1, c -> c)).getMessage());
            assertEquals(draft("b").toBuilder().clientId(2).name("HiveMind-Node-2").build(),
                    store.get(2).orElseThrow(), "the other client is untouched");
        }
    }

    @Test
    void aFailedChangeWritesNothing() {
        try (ClientStore store = openStore()) {
            ClientRecord a = store.add(draft("a"));
            assertThrows(IllegalStateException.class, () -> store.update(1, c -> {
                throw new IllegalStateException("changed my mind");
            }));
            assertEquals(a, store.get(1).orElseThrow());
        }
    }

    @Test
    void touchRecordsLastSeenOfActiveClientsOnly() {
        try (ClientStore store = openStore()) {
            store.add(draft("a"));
            store.add(draft("b"));
            store.revoke(2);
            store.touch(1, 1750000000.5);
            store.touch(2, 1750000000.5);
            store.touch(99, 1750000000.5);
            assertEquals(1750000000.5, store.get(1).orElseThrow().lastSeen());
            assertEquals(-1, store.get(2).orElseThrow().lastSeen());
        }
    }

    @Test
    void touchAllRecordsManyClientsAtOnceAndSkipsRevokedOnes() {
        try (ClientStore store = openStore()) {
            store.add(draft("a"));
            store.add(draft("b"));
            store.add(draft("c"));
            store.revoke(3);
            store.touchAll(Map.of(1, 1750000001.0, 2, 1750000002.5, 3, 1750000003.0, 99, 1.0));
            assertEquals(1750000001.0, store.get(1).orElseThrow().lastSeen());
            assertEquals(1750000002.5, store.get(2).orElseThrow().lastSeen());
            assertEquals(-1, store.get(3).orElseThrow().lastSeen());
            store.touchAll(Map.of());
        }
    }

    @Test
    void enrolmentStoresTheFirstCredentialOnly() {
        try (ClientStore store = openStore()) {
            ClientRecord added = store.add(ClientRecord.builder("key").password("pw").build());
            int id = added.clientId();
            assertEquals(Enrollment.STORED, store.enroll(id, ClientRecord.RSA, "PEM-1"));
            assertEquals(Enrollment.ALREADY_HELD, store.enroll(id, ClientRecord.RSA, "PEM-1"));
            assertEquals(Enrollment.REFUSED, store.enroll(id, ClientRecord.RSA, "PEM-2"), "a different key is refused");
            assertEquals(Enrollment.REFUSED, store.enroll(id, ClientRecord.PASSWORD, "other"), "held: refused");
            assertEquals(Optional.of("PEM-1"), store.get(id).orElseThrow().credential(ClientRecord.RSA));
            assertEquals(Optional.of("pw"), store.get(id).orElseThrow().credential(ClientRecord.PASSWORD));
            assertEquals(Enrollment.REFUSED, store.enroll(42, ClientRecord.RSA, "PEM-1"), "no such client");
            store.revoke(id);
            assertEquals(Enrollment.REFUSED, store.enroll(id, ClientRecord.RSA, "PEM-3"), "a revoked client enrols nothing");
        }
    }

    @Test
    void aTransactionCommitsAllOrNothingAndKeepsIds() {
        try (ClientStore store = openStore()) {
            store.add(draft("a"));
            ClientRecord seven = full("seven").toBuilder().clientId(7).build();
            ClientRecord revokedNine = ClientRecord.builder(ClientRecord.REVOKED).clientId(9).name("gone").build();
            assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
                tx.insert(seven);
                throw new IllegalStateException("abandoned");
            }));
            assertEquals(1, store.count(), "rolled back");

            store.inTransaction(tx -> {
                tx.insert(seven);
                tx.insert(revokedNine);
                tx.replace(tx.get(1).orElseThrow().toBuilder().name("renamed").build());
                assertEquals(List.of(1, 7, 9), tx.listAll().stream().map(ClientRecord::clientId).toList());
                assertEquals(List.of(seven), tx.activeByAccessKey("seven"));
                assertEquals(List.of(), tx.activeByAccessKey(ClientRecord.REVOKED));
                return null;
            });
            assertEquals(seven, store.get(7).orElseThrow());
            assertEquals(revokedNine, store.get(9).orElseThrow());
            assertEquals("renamed", store.get(1).orElseThrow().name());
            assertEquals(10, store.add(draft("b")).clientId(), "new ids continue above the highest one");

            assertThrows(ClientStoreException.class, () -> store.inTransaction(tx -> {
                tx.insert(draft("x").toBuilder().clientId(7).build());
                return null;
            }), "an id is stored once");
            assertThrows(ClientStoreException.class, () -> store.inTransaction(tx -> {
                tx.insert(draft("seven").toBuilder().clientId(20).build());
                return null;
            }), "an access key held by another active client");
            assertEquals(4, store.count());

            store.inTransaction(tx -> {
                tx.deleteAll();
                return null;
            });
            assertEquals(0, store.count());
            assertTrue(store.findByAccessKey("seven").isEmpty());
        }
    }
}
