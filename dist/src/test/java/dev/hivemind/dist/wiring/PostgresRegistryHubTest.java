package dev.hivemind.dist.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.ClientCredentials;
import dev.hivemind.api.plugin.PluginSettings;
import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.dist.runtime.RegistryPlugins;
import dev.hivemind.engine.client.HiveMindConnection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub reading its clients from PostgreSQL while another store (the CLI, or another node) administers them: a client
 * added there logs in here, a revocation there refuses the next login here, and the hub's batched last_seen reaches
 * the database.
 */
class PostgresRegistryHubTest {
    @TempDir
    Path tmp;

    private ClientStore open(EmbeddedPostgres postgres) {
        return RegistryPlugins.discover(getClass().getClassLoader()).open("postgres",
                PluginSettings.of(Map.of("url", postgres.getJdbcUrl("postgres", "postgres"))), tmp);
    }

    @Test
    void aClientAddedElsewhereLogsInAndARevocationElsewhereIsSeenAtTheNextLogin() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ClientStore admin = open(postgres); ClientStore hubStore = open(postgres)) {
            ClientRecord added = admin.add(ClientRecord.builder("pg-key").password("pg-password").build());
            ClientCredentials credentials = new ClientCredentials("pg-key", "pg-password", null, Map.of());
            try (WiredHub hub = WiredHub.start(hubStore)) {
                HiveMindConnection session = hub.connect("websocket", "password", credentials);
                hub.echo(session, "hello from postgres");
                session.close();

                admin.revoke(added.clientId());
                assertThrows(ExecutionException.class, () -> hub.connect("websocket", "password", credentials),
                        "revoked on another store: refused at the next handshake");
            }
            ClientRecord second = admin.add(ClientRecord.builder("pg-key-2").password("pw-2").build());
            try (WiredHub hub = WiredHub.start(hubStore)) {
                hub.connect("websocket", "password", new ClientCredentials("pg-key-2", "pw-2", null, Map.of())).close();
            }
            // the hub writes connection times in batches and flushes them when it stops
            assertTrue(admin.get(second.clientId()).orElseThrow().lastSeen() > 0, "last_seen written by the hub");
            assertEquals(2, admin.count());
        }
    }
}
