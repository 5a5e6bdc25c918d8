package dev.hivemind.dist.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.hivemind.auth.password.PasswordHandshake;
import dev.hivemind.engine.config.SourceLimits;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, attack 1 (SECURITY.md T18, T26): whoever knows a satellite's access key must not be able to lock the
 * satellite out, neither with wrong passwords nor with connections left to time out; an attacker only locks out his
 * own address. Attackers are bound to 127.0.0.2 …; the satellite connects from 127.0.0.1.
 */
class LockoutAttackTest {
    private static final int MAX_FAILURES = 3;

    @TempDir
    Path home;

    private AttackedHub hub() {
        return new AttackedHub(home, Map.of(
                "handshake", Map.of("timeout", "2s"),
                "limits", Map.of("max_auth_failures", MAX_FAILURES)),
                Map.of());
    }

    @Test
    void wrongPasswordsFromAnotherAddressDoNotLockTheSatelliteOut() throws Exception {
        try (AttackedHub hub = hub()) {
            for (int i = 0; i < 4 * MAX_FAILURES; i++) {
                try (TcpAttacker a = new TcpAttacker("127.0.0.2", hub.tcpPort())) {
                    a.auth(AttackedHub.KEY);
                    if (a.readGreeting().kind() == TcpAttacker.CLOSE) {
                        continue; // the attacker's own address is refused by now
                    }
                    a.sendEnvelope(new PasswordHandshake("a wrong guess " + i).createEnvelope(new SecureRandom()));
                    assertEquals(1008, a.awaitClose());
                }
            }
            try (TcpAttacker a = new TcpAttacker("127.0.0.2", hub.tcpPort())) {
                a.auth(AttackedHub.KEY);
                assertEquals(1008, a.readGreeting().closeCode(), "the guessing address is refused for a while");
            }
            assertEquals(0, hub.tryHonestly("tcp", AttackedHub.KEY, AttackedHub.PASSWORD),
                    "the satellite at its own address still connects during the lockout attempt");
            assertEquals(0, hub.tryHonestly("websocket", AttackedHub.KEY, AttackedHub.PASSWORD));
            assertEquals(0, hub.tryHonestly("websocket", AttackedHub.OTHER_KEY, AttackedHub.OTHER_PASSWORD));
        }
    }

    @Test
    void handshakeTimeoutsAreNotFailedLogins() throws Exception {
        try (AttackedHub hub = hub()) {
            List<TcpAttacker> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 4 * MAX_FAILURES; i++) {
                    TcpAttacker a = new TcpAttacker("127.0.0.3", hub.tcpPort());
                    idle.add(a);
                    a.auth(AttackedHub.KEY);
                    assertNotEquals(TcpAttacker.CLOSE, a.readGreeting().kind(), "admitted: timeouts are not failures");
                }
                assertEquals(0, hub.tryHonestly("tcp", AttackedHub.KEY, AttackedHub.PASSWORD),
                        "the satellite connects while the idle connections wait for their deadline");
                for (TcpAttacker a : idle) {
                    assertEquals(1008, a.awaitClose(), "closed at the handshake deadline");
                }
            } finally {
                idle.forEach(TcpAttacker::close);
            }
            for (int i = 0; i < 4 * MAX_FAILURES; i++) {
                try (TcpAttacker a = new TcpAttacker("127.0.0.3", hub.tcpPort())) {
                    a.auth(AttackedHub.KEY);
                    a.readGreeting();
                    a.closeNormally(); // a connection closed before its HANDSHAKE
                    a.awaitClose();
                }
            }
            assertEquals(0, hub.tryHonestly("tcp", AttackedHub.KEY, AttackedHub.PASSWORD),
                    "the satellite connects after the timeout flood");
            try (TcpAttacker a = new TcpAttacker("127.0.0.3", hub.tcpPort())) {
                a.auth(AttackedHub.OTHER_KEY);
                assertNotEquals(TcpAttacker.CLOSE, a.readGreeting().kind(),
                        "another client at the flooding address is not refused either");
            }
        }
    }

    @Test
    void unknownAccessKeysCountAgainstTheirAddress() throws Exception {
        try (AttackedHub hub = hub()) {
            for (int i = 0; i < SourceLimits.defaults().maxAddressFailures(); i++) {
                try (TcpAttacker a = new TcpAttacker("127.0.0.4", hub.tcpPort())) {
                    a.auth("guessed-key-" + i);
                    assertEquals(1008, a.readGreeting().closeCode());
                }
            }
            try (TcpAttacker a = new TcpAttacker("127.0.0.4", hub.tcpPort())) {
                a.auth(AttackedHub.KEY);
                TcpAttacker.Received r = a.readGreeting();
                assertEquals(1008, r.closeCode(), "the guessing address is refused, even with a valid key");
                assertEquals(true, r.text().contains("too many failed"), r.text());
            }
            assertEquals(0, hub.tryHonestly("tcp", AttackedHub.KEY, AttackedHub.PASSWORD));
        }
    }
}
