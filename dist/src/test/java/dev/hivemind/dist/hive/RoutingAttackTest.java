package dev.hivemind.dist.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.hivemind.api.log.LogSafe;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.dist.wiring.HubLogCapture;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.tck.EngineFixtures;
import dev.hivemind.engine.tck.IntercomFixtures;
import dev.hivemind.engine.tck.TestClients;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * An authenticated but malicious satellite against a hub wired as the distribution wires it, over a real WebSocket on
 * loopback. Mallory holds a pre-shared key (so her HELLO can say anything); kitchen is an honest password satellite.
 */
class RoutingAttackTest {
    private static final HiveMessageCodec CODEC = EngineFixtures.messages();
    private static final String PASSWORD = "kitchen password 0123456789abcdef";
    private static final String MALLORY_PSK = "0123456789abcdef0123456789abcdef";
    private static final String SLOW_PSK = "fedcba9876543210fedcba9876543210";

    @TempDir
    Path dir;
    private RoutedHub hub;

    @BeforeEach
    void start() {
        hub = new RoutedHub(dir, List.of(
                TestClients.client().id(1).key("admin-key").name("admin").password(PASSWORD).admin(true).build(),
                TestClients.client().id(2).key("kitchen-key").name("kitchen").password(PASSWORD).build(),
                TestClients.client().id(3).key("mallory-key").name("mallory").cryptoKey(MALLORY_PSK).build(),
                TestClients.client().id(4).key("slow-key").name("slow").cryptoKey(SLOW_PSK).build()),
                Map.of());
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private static Map<String, Object> hello(String sessionId, String siteId, String pubkey) {
        return PskSatellite.hello(sessionId, siteId, pubkey);
    }

    private PskSatellite mallory(Map<String, Object> hello) throws Exception {
        return PskSatellite.connect(hub.port, "mallory-key", MALLORY_PSK, hello);
    }

    // ------------------------------------------------------------------ HELLO fields

    /**
     * The session id is part of the peer id, and the peer id goes into the route hop of everything the peer sends
     * (twice: source and targets). An unbounded session id made every relayed message that large for every recipient:
     * one small PROPAGATE became N copies of up to a megabyte.
     */
    @Test
    void aHelloWithAnOverlongSessionIdIsRefused() throws Exception {
        try (PskSatellite m = mallory(hello("s".repeat(100_000), "site", null))) {
            assertEquals(1008, m.awaitCloseCode());
        }
        try (PskSatellite m = mallory(hello("session", "x".repeat(100_000), null))) {
            assertEquals(1008, m.awaitCloseCode());
        }
    }

    @Test
    void aHelloWithControlCharactersInItsIdsIsRefused() throws Exception {
        try (PskSatellite m = mallory(hello("s\n2026-01-01 INFO forged line", "site", null))) {
            assertEquals(1008, m.awaitCloseCode());
        }
        try (PskSatellite m = mallory(hello("session", "site\r\nforged", null))) {
            assertEquals(1008, m.awaitCloseCode());
        }
        try (PskSatellite m = mallory(hello("a-valid-session-id", "a site", null))) {
            m.send(CODEC.wrap(MessageType.PROPAGATE, HiveMessage.bus("recognizer_loop:utterance",
                    JsonValues.object("utterances", List.of("still welcome")), JsonValues.object())));
            hub.awaitAccepted(1);
            assertTrue(!m.isClosed(), "an ordinary HELLO is still accepted");
        }
    }

    /** Every peer-supplied value in a routing log line is escaped and cut (LogSafe), at DEBUG too. */
    @Test
    void peerSuppliedValuesInRoutingLogLinesAreEscapedAndCut() throws Exception {
        Logger engine = (Logger) LoggerFactory.getLogger("dev.hivemind.engine");
        Level before = engine.getLevel();
        engine.setLevel(Level.DEBUG);
        KeyPair keys = IntercomFixtures.keyPair();
        String evil = "evil\n2026-01-01 00:00:00 INFO forged " + "x".repeat(5_000);
        try (HubLogCapture logs = new HubLogCapture();
                PskSatellite m = mallory(hello("mallory-session", "hall", IntercomFixtures.pem(keys.getPublic())))) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("type", evil);
            payload.put("data", Map.of());
            payload.put("context", Map.of("session", Map.of("session_id", "mallory-session"), evil, 1));
            HiveMessage bus = HiveMessage.builder(MessageType.BUS).payload(payload).build();
            m.send(bus);
            m.send(CODEC.wrap(MessageType.PROPAGATE, bus));
            m.send(IntercomFixtures.intercom(keys.getPublic(), keys.getPrivate(), "to nowhere").toBuilder()
                    .targetPubkey(null).targetSiteId(evil).build());
            m.send(HiveMessage.builder(MessageType.QUERY).payload(Map.of(evil, evil)).build());
            hub.awaitRefused(3);
            hub.awaitAccepted(1);
            for (String line : logs.lines()) {
                assertTrue(line.indexOf('\n') < 0 && line.indexOf('\r') < 0, "a raw line break in: "
                        + LogSafe.message(line));
                assertTrue(line.length() < 1_000, "a log line of " + line.length() + " characters: "
                        + LogSafe.message(line));
            }
        } finally {
            engine.setLevel(before);
        }
    }

    // ------------------------------------------------------------------ addressing another satellite

    /**
     * Quirk A-a: a satellite that names another satellite in {@code context.destination} would have the agent's
     * answer (an OVOS {@code forward()} keeps the destination) delivered to it. Entries naming a connected peer were
     * removed, but a satellite could name one that was offline at that moment (peer ids of Python satellites are
     * stable) and have a later answer (a timer, a reminder) delivered once it is back. Every entry in the form of a
     * peer id is removed.
     */
    @Test
    void aDestinationNamingAnOfflineSatelliteIsNotKeptForLater() throws Exception {
        String victim = "psk-satellite::4::slow::slow-session";
        try (PskSatellite m = mallory(hello("mallory-session", "hall", null))) {
            m.send(HiveMessage.bus("recognizer_loop:utterance", JsonValues.object("utterances", List.of("set a timer")),
                    JsonValues.object("destination", List.of(victim), "session",
                            JsonValues.object("session_id", "mallory-session"))));
            var heard = hub.agent.await(r -> r.message().payload().get("data") instanceof Map<?, ?> d
                    && List.of("set a timer").equals(d.get("utterances")));
            try (PskSatellite slow = PskSatellite.connect(hub.port, "slow-key", SLOW_PSK, hello("slow-session",
                    "attic", null))) {
                assertEquals(victim, hub.peerIdOf("slow"));
                Map<String, Object> later = new LinkedHashMap<>(heard.message().payload());
                later.put("type", "speak"); // the skill answers later, keeping the context (OVOS forward)
                hub.agent.bus().emit(later);
                hub.agent.bus().emit(JsonValues.object("type", "marker", "data", Map.of(), "context",
                        JsonValues.object("destination", List.of(victim))));
                HiveMessage first = slow.await(x -> x.type() == MessageType.BUS, "a bus message");
                assertEquals("marker", first.payload().get("type"), "the answer to mallory never reaches the victim");
            }
        }
    }

    // ------------------------------------------------------------------ flooding

    /**
     * A satellite that reads slowly for a while (a busy device on a poor link) while another floods PROPAGATEs: the
     * hub queued every relayed copy for it until its output passed the hard bound and then dropped the honest
     * satellite as a slow reader. Relayed copies for a peer that is behind are now dropped instead (it misses some of
     * the flood, and stays connected).
     */
    @Test
    void aFloodRelayedToASatelliteThatReadsSlowlyDoesNotDisconnectIt() throws Exception {
        try (PskSatellite slow = PskSatellite.connect(hub.port, "slow-key", SLOW_PSK, hello("slow-session", "attic",
                null)); PskSatellite m = mallory(hello("mallory-session", "hall", null))) {
            hub.peerIdOf("slow");
            hub.peerIdOf("mallory");
            slow.pause();
            String filler = "x".repeat(300_000);
            for (int i = 0; i < 60; i++) {
                m.send(CODEC.wrap(MessageType.PROPAGATE, HiveMessage.bus("recognizer_loop:utterance",
                        JsonValues.object("utterances", List.of(filler)), JsonValues.object())));
            }
            hub.awaitAccepted(60);
            slow.resume();
            boolean got = false;
            for (int i = 0; i < 60 && !got; i++) { // once it has caught up, what is routed to it arrives again
                m.send(CODEC.wrap(MessageType.PROPAGATE, HiveMessage.bus("recognizer_loop:utterance",
                        JsonValues.object("utterances", List.of("marker")), JsonValues.object())));
                got = slow.readUntil(x -> x.payload().get("data") instanceof Map<?, ?> d
                        && List.of("marker").equals(d.get("utterances")), java.time.Duration.ofMillis(500));
            }
            assertTrue(got, "the slow satellite receives again once it has caught up");
            assertTrue(!slow.isClosed(), "the slow satellite is still connected");
        }
    }

    /**
     * Refused messages are dropped silently on the wire (as hivemind-core does) and logged; a satellite that sends
     * them by the thousand must not write a log line for each (disk, journald). A few lines, then a summary.
     */
    @Test
    void aFloodOfRefusedMessagesWritesAFewLogLinesNotOneEach() throws Exception {
        try (HubLogCapture logs = new HubLogCapture();
                PskSatellite m = mallory(hello("mallory-session", "hall", null))) {
            hub.peerIdOf("mallory");
            for (int i = 0; i < 500; i++) {
                m.send(CODEC.wrap(MessageType.BROADCAST, HiveMessage.bus("speak", Map.of(), Map.of())));
            }
            hub.awaitRefused(500);
            long lines = logs.lines().stream().filter(l -> l.startsWith("dropped broadcast from")).count();
            assertTrue(lines >= 1 && lines <= 20, lines + " log lines for 500 refused messages"); // a burst of 10
        }
    }

    // ------------------------------------------------------------------ INTERCOM

    /**
     * A HELLO key with a huge public exponent makes each signature check as costly as a private-key operation, and the
     * check runs on the sender's event loop (shared with other connections). The hub refuses such keys as the RSA
     * handshake does (3 &le; e &lt; 2^32): the INTERCOMs they sign are dropped unverified.
     */
    @Test
    void anIntercomSignedWithAHugeExponentKeyIsNotVerifiedAndNotDelivered() throws Exception {
        KeyPair hostile = hugeExponentKeyPair();
        try (Satellite kitchen = hub.satellite(dir, "kitchen", "kitchen-key", PASSWORD);
                PskSatellite m = mallory(hello("mallory-session", "hall", IntercomFixtures.pem(hostile.getPublic())))) {
            hub.peerIdOf("mallory");
            m.send(IntercomFixtures.intercom(kitchen.keys.getPublic(), hostile.getPrivate(), "costly"));
            hub.awaitRefused(1);
            kitchen.send(HiveMessage.bus("recognizer_loop:utterance", JsonValues.object("utterances",
                    List.of("marker")), JsonValues.object()));
            assertTrue(kitchen.before(x -> "marker".equals(Satellite.utterance(x)), "its echo").stream()
                    .noneMatch(x -> x.type() == MessageType.INTERCOM), "the costly intercom was not delivered");
        }
    }

    /** An RSA-2048 key pair whose public exponent is about 2000 bits long (and its matching private exponent). */
    private static KeyPair hugeExponentKeyPair() throws Exception {
        RSAPrivateCrtKey base = (RSAPrivateCrtKey) IntercomFixtures.keyPair().getPrivate();
        BigInteger phi = base.getPrimeP().subtract(BigInteger.ONE).multiply(base.getPrimeQ().subtract(BigInteger.ONE));
        SecureRandom random = new SecureRandom();
        BigInteger e;
        do {
            e = new BigInteger(2000, random).setBit(1999).setBit(0);
        } while (!e.gcd(phi).equals(BigInteger.ONE));
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        PublicKey pub = rsa.generatePublic(new RSAPublicKeySpec(base.getModulus(), e));
        PrivateKey priv = rsa.generatePrivate(new RSAPrivateKeySpec(base.getModulus(), e.modInverse(phi)));
        return new KeyPair(pub, priv);
    }
}
