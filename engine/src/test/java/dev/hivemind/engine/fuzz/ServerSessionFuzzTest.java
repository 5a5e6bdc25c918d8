package dev.hivemind.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.engine.tck.HubHarness;
import dev.hivemind.engine.tck.RawPeer;
import dev.hivemind.engine.testplugin.TokenServerAuthFactory;
import dev.hivemind.engine.config.LimitSettings;
import dev.hivemind.engine.config.SourceLimits;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The hub's session fed arbitrary frame sequences (property-based, jqwik): well-formed HELLO and HANDSHAKE messages,
 * near misses and garbage, text and binary, in any order. Every sequence ends the connection with a typed close code
 * (never 1011, which an untyped exception would give), delivers nothing to the agent, and frees the session.
 */
class ServerSessionFuzzTest {
    private static final Set<Integer> TYPED = Set.of(1002, 1007, 1008, 1009, 1013);
    private static HubHarness hub;

    @BeforeContainer
    static void start() {
        hub = HubHarness.builder().methods(List.of(new TokenServerAuthFactory()))
                .clients(List.of(ClientRecord.builder("key").clientId(1).name("fuzz")
                        .credential("token", "s3cret token").cryptoKey("0123456789abcdef").build()))
                // no failure limits or budgets: every try must reach the session, however many tries fail
                .limits(new LimitSettings(1 << 20, 64, 10_000, 1_000, 0, Duration.ofMinutes(1),
                        new SourceLimits(0, 0, 0, Duration.ofMinutes(1), 1_000)))
                .build();
    }

    @AfterContainer
    static void stop() {
        hub.close();
    }

    @Property
    void anyFrameSequenceEndsWithATypedCloseAndReachesNothing(@ForAll("frameSequences") List<Frame> frames)
            throws Exception {
        RawPeer peer = hub.raw("key");
        peer.nextText(); // HELLO
        peer.nextText(); // HANDSHAKE offer
        for (Frame f : frames) {
            if (peer.isClosed()) {
                break;
            }
            peer.connection().send(f);
        }
        if (!peer.isClosed()) {
            peer.connection().send(Frame.text("\u0000 not json")); // whatever state the session is in, this ends it
        }
        int code = peer.awaitCloseCode();
        assertTrue(TYPED.contains(code), "close code " + code + " after " + frames);
        assertTrue(hub.agent().received().isEmpty(), "nothing reaches the agent");
    }

    @Provide
    Arbitrary<List<Frame>> frameSequences() {
        Arbitrary<String> handshakes = Arbitraries.of(
                "{\"msg_type\":\"shake\",\"payload\":{\"token\":\"s3cret token\",\"ciphers\":[\"AES-GCM\"],"
                        + "\"encodings\":[\"JSON-HEX\"],\"binarize\":false}}",
                "{\"msg_type\":\"shake\",\"payload\":{\"token\":\"wrong\"}}",
                "{\"msg_type\":\"shake\",\"payload\":{\"envelope\":\"00\",\"pubkey\":\"x\"}}",
                "{\"msg_type\":\"shake\",\"payload\":{}}",
                "{\"msg_type\":\"shake\",\"payload\":{\"token\":1,\"ciphers\":[],\"encodings\":null}}",
                "{\"msg_type\":\"hello\",\"payload\":{\"session_id\":\"s\",\"site_id\":\"x\"}}",
                "{\"msg_type\":\"bus\",\"payload\":{\"type\":\"speak\",\"data\":{},\"context\":{}}}",
                "{\"msg_type\":\"ping\",\"payload\":{}}",
                "{\"msg_type\":\"bin\",\"payload\":{},\"bin_type\":1}",
                "{\"ciphertext\":\"00\",\"tag\":\"00\",\"nonce\":\"00\"}",
                "{\"ciphertext\":\"zz\",\"nonce\":\"\"}",
                "", " ", "null", "[]", "{\"msg_type\":\"shake\"", "{\"msg_type\":\"shake\",\"msg_type\":\"shake\"}");
        Arbitrary<Frame> text = Arbitraries.oneOf(handshakes, Arbitraries.strings().ofMaxLength(120)).map(Frame::text);
        Arbitrary<Frame> binary = Arbitraries.bytes().array(byte[].class).ofMaxSize(120).map(Frame::binary);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, text), net.jqwik.api.Tuple.of(1, binary)).list().ofMaxSize(8);
    }
}
