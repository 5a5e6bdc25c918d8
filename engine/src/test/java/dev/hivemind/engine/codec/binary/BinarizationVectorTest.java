package dev.hivemind.engine.codec.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.wire.BinaryPayloadType;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.crypto.FixedNonceSource;
import dev.hivemind.engine.crypto.SessionCrypto;
import dev.hivemind.engine.vectors.VectorFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** binarization.json and encrypted_binary_frame.json. */
class BinarizationVectorTest {
    private static final Map<String, Object> V = VectorFiles.load("hivemind/binarization.json");
    private final HiveJson json = HiveJson.withDefaults();
    private final Binarizer binarizer = new Binarizer(json);

    @TestFactory
    Stream<DynamicTest> everyFrameDecodes() {
        return VectorFiles.list(V, "cases").stream().map(c -> DynamicTest.dynamicTest("decode: " + c.get("name"), () -> {
            HiveMessage m = binarizer.decode(VectorFiles.hex(c, "bytes_hex"));
            assertEquals(c.get("decoded_msg_type"), m.type().wireName());
            assertEquals(c.get("decoded_metadata"), m.metadata());
            assertEquals(c.get("decoded_bin_type"), m.binaryType().code());
            if (m.type() == MessageType.BINARY) {
                assertArrayEquals(VectorFiles.hex(c, "decoded_payload_hex"), m.binaryPayload());
            } else {
                assertEquals(c.get("decoded_payload"), m.payload());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyFrameEncodes() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : VectorFiles.list(V, "cases")) {
            Map<String, Object> args = VectorFiles.object(c, "args");
            boolean compressed = Boolean.TRUE.equals(args.get("compressed"));
            boolean versioned = Boolean.TRUE.equals(args.get("versioned"));
            HiveMessage m = messageFrom(args);
            if (!compressed) {
                tests.add(DynamicTest.dynamicTest("encode to identical bytes: " + c.get("name"),
                        () -> assertEquals(c.get("bytes_hex"), VectorFiles.hex(binarizer.encode(m, false, versioned)))));
            } else {
                tests.add(DynamicTest.dynamicTest("encode and decode back (zlib bytes may differ): " + c.get("name"), () -> {
                    byte[] ours = binarizer.encode(m, true, versioned);
                    byte[] theirs = VectorFiles.hex(c, "bytes_hex");
                    assertEquals(binarizer.decode(theirs), binarizer.decode(ours));
                    assertEquals(m, binarizer.decode(ours));
                    assertEquals(theirs[0], ours[0], "same header byte (pad, start bit, V, TYPE bits)");
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void encryptedBinaryFrame() {
        Map<String, Object> f = VectorFiles.load("hivemind/encrypted_binary_frame.json");
        byte[] bits = VectorFiles.hex(f, "bitstring_bytes_hex");
        try (SessionCrypto crypto = new SessionCrypto(SessionKey.copyOf(VectorFiles.hex(f, "key_hex")),
                CipherSuite.fromWire(VectorFiles.str(f, "cipher")).orElseThrow(),
                new FixedNonceSource(VectorFiles.hex(f, "nonce_hex")), null)) {
            assertEquals(f.get("frame_hex"), VectorFiles.hex(crypto.sealBinary(bits)));
            byte[] opened = crypto.openBinary(VectorFiles.hex(f, "frame_hex"));
            assertArrayEquals(bits, opened);
            HiveMessage m = binarizer.decode(opened);
            assertEquals(MessageType.BUS, m.type());
            assertEquals("speak", m.busMessageType());
            assertTrue(m.payload().toString().contains("utterance=hi"));
        }
    }

    private HiveMessage messageFrom(Map<String, Object> args) {
        MessageType type = MessageType.fromWire(VectorFiles.str(args, "hive_type"));
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) args.getOrDefault("hivemeta", Map.of());
        if (type == MessageType.BINARY) {
            BinaryPayloadType sub = BinaryPayloadType.fromCode((Integer) args.get("binary_type")).orElseThrow();
            return HiveMessage.binary(sub, VectorFiles.hex(args, "payload"), meta);
        }
        return HiveMessage.builder(type).payload(json.parseObject(VectorFiles.str(args, "payload"))).metadata(meta).build();
    }
}
