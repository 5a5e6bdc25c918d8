package dev.hivemind.dist.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.auth.password.PasswordHandshake;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, attack 2 (SECURITY.md T17, T28): PBKDF2 is never free. A replayed password envelope is refused before any
 * key derivation, and every derivation the hub runs is charged to its access key at its address and to its address,
 * however the connection ends (the attacker closes politely with 1000). The satellite at its own address keeps
 * handshaking while the flood runs.
 */
class KdfFloodAttackTest {
    @TempDir
    Path home;

    @Test
    void aReplayedEnvelopeCostsNoKeyDerivationAndTheSatelliteKeepsConnecting() throws Exception {
        try (AttackedHub hub = new AttackedHub(home, Map.of("workers", Map.of("threads", 1, "queue", 1)), Map.of())) {
            String captured = new PasswordHandshake(AttackedHub.PASSWORD).createEnvelope(new SecureRandom());
            assertEquals(TcpAttacker.TEXT, handshake(hub, "127.0.0.2", AttackedHub.KEY, captured).kind(),
                    "the envelope's first use (the satellite's own handshake, recorded by the attacker)");

            AtomicBoolean flooding = new AtomicBoolean(true);
            CompletableFuture<List<Integer>> flood = CompletableFuture.supplyAsync(() -> {
                List<Integer> outcomes = new ArrayList<>();
                String[] addresses = {"127.0.0.2", "127.0.0.5", "127.0.0.6"};
                for (int i = 0; i < 60 && flooding.get(); i++) {
                    try {
                        TcpAttacker.Received r = handshake(hub, addresses[i % 3], AttackedHub.KEY, captured);
                        outcomes.add(r.kind() == TcpAttacker.CLOSE ? r.closeCode() : 0);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return outcomes;
            });
            for (int i = 0; i < 3; i++) {
                assertEquals(0, hub.tryHonestly("tcp", AttackedHub.KEY, AttackedHub.PASSWORD),
                        "the satellite handshakes during the replay flood");
            }
            flooding.set(false);
            List<Integer> outcomes = flood.get(60, TimeUnit.SECONDS);
            assertTrue(outcomes.stream().allMatch(code -> code == 1008),
                    "every replay is refused before its key derivation: " + outcomes);
            assertEquals(0, hub.tryHonestly("websocket", AttackedHub.KEY, AttackedHub.PASSWORD),
                    "and after it");
        }
    }

    @Test
    void everyKeyDerivationIsChargedToItsSourceHoweverTheConnectionEnds() throws Exception {
        try (AttackedHub hub = new AttackedHub(home, Map.of("limits",
                Map.of("kdf_per_client", 3, "kdf_per_address", 5)), Map.of())) {
            List<Integer> sameKey = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sameKey.add(outcome(handshake(hub, "127.0.0.2", AttackedHub.KEY, fresh(AttackedHub.PASSWORD))));
            }
            assertEquals(List.of(0, 0, 0, 1013, 1013, 1013), sameKey, "3 derivations per key at this address");
            List<Integer> otherKey = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                otherKey.add(outcome(handshake(hub, "127.0.0.2", AttackedHub.OTHER_KEY,
                        fresh(AttackedHub.OTHER_PASSWORD))));
            }
            assertEquals(List.of(0, 0, 1013, 1013), otherKey, "5 derivations per address, whatever the key");
            assertEquals(0, hub.tryHonestly("tcp", AttackedHub.KEY, AttackedHub.PASSWORD),
                    "the same key from the satellite's own address has its own budget");
            assertTrue(hub.hub().metrics().kdfRefused() >= 5);
        }
    }

    /**
     * An enrolled RSA public key is public (it is in every HELLO the satellite sends): whoever knows it and the access
     * key can make the hub seal an envelope to it (a private-key signature) without being able to open it. Those
     * handshakes are charged to the same budgets as PBKDF2.
     */
    @Test
    void rsaHandshakesWithAnEnrolledPublicKeyAreChargedToTheSameBudgets() throws Exception {
        java.security.KeyPair keys = dev.hivemind.engine.tck.IntercomFixtures.keyPair();
        String pem = dev.hivemind.engine.tck.IntercomFixtures.pem(keys.getPublic());
        try (AttackedHub hub = new AttackedHub(home, Map.of("auth", Map.of("methods", List.of("password", "rsa")),
                "limits", Map.of("kdf_per_client", 3, "kdf_per_address", 5)), Map.of(), List.of(
                dev.hivemind.api.registry.ClientRecord.builder("rsa-key").clientId(3).name("rsa-sat")
                        .credential(dev.hivemind.api.registry.ClientRecord.RSA, pem).build()))) {
            List<Integer> outcomes = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                try (TcpAttacker a = new TcpAttacker("127.0.0.2", hub.tcpPort())) {
                    a.auth("rsa-key");
                    TcpAttacker.Received greeting = a.readGreeting();
                    if (greeting.kind() == TcpAttacker.CLOSE) {
                        outcomes.add(greeting.closeCode());
                        continue;
                    }
                    a.sendJson(Map.of("msg_type", "shake", "payload", Map.of("pubkey", pem,
                            "ciphers", List.of("AES-GCM"), "encodings", List.of("JSON-HEX"), "binarize", false)));
                    outcomes.add(outcome(a.read()));
                    a.closeNormally();
                }
            }
            assertEquals(List.of(0, 0, 0, 1013, 1013), outcomes, "3 RSA handshakes per key at this address");
        }
    }

    private static String fresh(String password) {
        return new PasswordHandshake(password).createEnvelope(new SecureRandom());
    }

    private static int outcome(TcpAttacker.Received r) {
        return r.kind() == TcpAttacker.CLOSE ? r.closeCode() : 0;
    }

    /** Sends {@code envelope} in a HANDSHAKE and returns the hub's answer (its HANDSHAKE, or a CLOSE); closes with 1000. */
    private static TcpAttacker.Received handshake(AttackedHub hub, String from, String key, String envelope)
            throws Exception {
        try (TcpAttacker a = new TcpAttacker(from, hub.tcpPort())) {
            a.auth(key);
            TcpAttacker.Received greeting = a.readGreeting();
            if (greeting.kind() == TcpAttacker.CLOSE) {
                return greeting;
            }
            a.sendEnvelope(envelope);
            TcpAttacker.Received answer = a.read();
            a.closeNormally();
            return answer;
        }
    }
}
