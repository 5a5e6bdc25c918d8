package dev.hivemind.engine.codec.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.error.FrameTooLargeException;
import dev.hivemind.api.error.HiveMindException;
import dev.hivemind.api.error.InvalidPayloadException;
import dev.hivemind.api.error.ProtocolViolationException;
import dev.hivemind.api.wire.BinaryPayloadType;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.MessageType;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.vectors.VectorFiles;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class BinarizerTest {
    private final HiveJson json = HiveJson.withDefaults();
    private final Binarizer binarizer = new Binarizer(json);
    private static final HiveMessage SPEAK = HiveMessage.bus("speak", Map.of("utterance", "hi"), Map.of());

    @ParameterizedTest
    @EnumSource(value = MessageType.class, mode = EnumSource.Mode.EXCLUDE, names = {"INTERCOM", "BINARY"})
    void everyCodedTypeRoundTripsInEveryMode(MessageType type) {
        HiveMessage m = HiveMessage.builder(type).payload(JsonValues.object("k", "vé", "n", List.of(1, 2.5)))
                .metadata(Map.of("sample_rate", 16000)).build();
        for (boolean compress : new boolean[] {true, false}) {
            for (boolean versioned : new boolean[] {true, false}) {
                assertEquals(m, binarizer.decode(binarizer.encode(m, compress, versioned)), compress + "/" + versioned);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BinaryPayloadType.class)
    void binaryPayloadsRoundTripUncompressedEvenWithZ(BinaryPayloadType sub) {
        byte[] audio = new byte[100_001];
        new Random(sub.code()).nextBytes(audio);
        HiveMessage m = HiveMessage.binary(sub, audio, Map.of("lang", "en-us"));
        byte[] frame = binarizer.encode(m);
        assertEquals(m, binarizer.decode(frame));
        assertTrue(frame.length > audio.length, "BINARY payload is never compressed");
    }

    @Test
    void defaultEncodingSetsZAndIsUnversioned() {
        byte[] frame = binarizer.encode(SPEAK);
        // 1 | V=0 | 00001 | Z=1 : first byte 1000 0011
        assertEquals((byte) 0x83, frame[0]);
        assertEquals(SPEAK, binarizer.decode(frame));
    }

    @Test
    void routingFieldsAreLost() {
        HiveMessage full = SPEAK.toBuilder().node("n").sourcePeer("p").targetSiteId("s").targetPubkey("k")
                .route(List.of(JsonValues.object("source", "a", "targets", List.of("b")))).build();
        HiveMessage back = binarizer.decode(binarizer.encode(full));
        assertEquals(SPEAK, back);
        assertNull(back.node());
    }

    @Test
    void intercomHasNoBinaryForm() {
        HiveMessage intercom = HiveMessage.builder(MessageType.INTERCOM).payload(Map.of("ciphertext", "x")).build();
        assertThrows(ProtocolViolationException.class, () -> binarizer.encode(intercom));
    }

    @Test
    void metadataMustFitTheLengthField() {
        HiveMessage big = SPEAK.toBuilder().metadata(Map.of("k", randomText(600))).build();
        ProtocolViolationException e = assertThrows(ProtocolViolationException.class, () -> binarizer.encode(big));
        assertTrue(e.getMessage().contains("at most 255"), e.getMessage());
        HiveMessage compressible = SPEAK.toBuilder().metadata(Map.of("k", "a".repeat(1000))).build();
        assertEquals(compressible, binarizer.decode(binarizer.encode(compressible)));
        assertThrows(ProtocolViolationException.class, () -> binarizer.encode(compressible, false, false));
    }

    @Test
    void emptyOrAllZeroFramesAreRejected() {
        assertThrows(InvalidPayloadException.class, () -> binarizer.decode(new byte[0]));
        assertThrows(InvalidPayloadException.class, () -> binarizer.decode(null));
        InvalidPayloadException e = assertThrows(InvalidPayloadException.class, () -> binarizer.decode(new byte[4]));
        assertTrue(e.getMessage().contains("more than 7 leading zero bits"), e.getMessage());
    }

    @Test
    void everyTruncationIsATypedError() {
        for (byte[] frame : List.of(binarizer.encode(SPEAK), binarizer.encode(SPEAK, false, true),
                binarizer.encode(HiveMessage.binary(BinaryPayloadType.TTS_AUDIO, new byte[] {1, 2, 3}, Map.of("a", 1))))) {
            for (int len = 1; len < frame.length; len++) {
                byte[] cut = Arrays.copyOf(frame, len);
                try {
                    binarizer.decode(cut);
                } catch (HiveMindException expected) {
                    continue;
                }
                // a BINARY frame cut inside its raw payload is still a well-formed (shorter) frame
                assertEquals(MessageType.BINARY, binarizer.decode(cut).type(), "length " + len);
            }
        }
    }

    @Test
    void everyBitFlipDecodesOrFailsTyped() {
        byte[] frame = binarizer.encode(SPEAK, false, true);
        for (int bit = 0; bit < frame.length * 8; bit++) {
            byte[] flipped = frame.clone();
            flipped[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            try {
                binarizer.decode(flipped);
            } catch (HiveMindException expected) {
                // typed
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {13, 17, 31})
    void unknownTypeCodesAreProtocolViolations(int code) {
        byte[] frame = binarizer.encode(SPEAK, false, false);
        // bits: 1 0 TTTTT Z -> replace TTTTT
        frame[0] = (byte) (0x80 | (code << 1));
        ProtocolViolationException e = assertThrows(ProtocolViolationException.class, () -> binarizer.decode(frame));
        assertTrue(e.getMessage().contains("code " + code), e.getMessage());
    }

    @Test
    void newerFramingVersionsAreRejected() {
        byte[] frame = binarizer.encode(SPEAK, false, true);
        assertEquals(SPEAK, binarizer.decode(frame));
        // 1 1 VVVVVVVV ... : version 2
        frame[0] = (byte) 0xC0;
        frame[1] = (byte) ((frame[1] & 0x3F) | 0x80);
        assertThrows(ProtocolViolationException.class, () -> binarizer.decode(frame));
        frame[1] = (byte) (frame[1] & 0x3F);
        assertEquals(SPEAK, binarizer.decode(frame), "version 0 is accepted");
    }

    @Test
    void unknownBinarySubtypeIsAProtocolViolation() {
        byte[] frame = binarizer.encode(HiveMessage.binary(BinaryPayloadType.FILE, new byte[] {9}, Map.of()), false, false);
        // layout: 4 pad | 1 0 01100 0 | 00000010 | {} | SSSS | payload ; SSSS starts at bit 4 + 16 + 16 = 36
        frame[4] = (byte) ((frame[4] & 0xF0) | 0x0F);
        assertThrows(ProtocolViolationException.class, () -> binarizer.decode(frame));
    }

    @Test
    void corruptZlibIsInvalidPayload() {
        byte[] frame = binarizer.encode(SPEAK, false, false);
        frame[0] |= 0x01; // claim Z=1 over plain JSON: the bitstring-4 Python decoder bug, from the other side
        InvalidPayloadException e = assertThrows(InvalidPayloadException.class, () -> binarizer.decode(frame));
        assertTrue(e.getMessage().contains("metadata: corrupt zlib data"), e.getMessage());
    }

    @Test
    void truncatedOrPaddedZlibStreamsAreRejected() {
        byte[] meta = Zlib.compress("{}".getBytes(StandardCharsets.UTF_8));
        byte[] payload = Zlib.compress(json.writeUtf8(SPEAK.payload()));
        byte[] truncated = frame(true, meta, Arrays.copyOf(payload, payload.length - 3));
        assertTrue(assertThrows(InvalidPayloadException.class, () -> binarizer.decode(truncated)).getMessage()
                .contains("truncated zlib stream"));
        byte[] trailing = frame(true, meta, concat(payload, new byte[] {0}));
        assertTrue(assertThrows(InvalidPayloadException.class, () -> binarizer.decode(trailing)).getMessage()
                .contains("trailing bytes"));
        assertEquals(SPEAK, binarizer.decode(frame(true, meta, payload)));
    }

    @Test
    void zipBombsStopAtTheBound() {
        byte[] bomb = Zlib.compress(("{\"type\": \"x\", \"data\": \"" + "A".repeat(20 << 20) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertTrue(bomb.length < 64 << 10, "compressed " + bomb.length);
        byte[] frame = frame(true, Zlib.compress("{}".getBytes(StandardCharsets.UTF_8)), bomb);
        FrameTooLargeException e = assertThrows(FrameTooLargeException.class, () -> binarizer.decode(frame));
        assertTrue(e.getMessage().contains("payload inflates beyond the frame limit of 1048576 bytes"), e.getMessage());
        Binarizer strict = new Binarizer(json, 1000);
        byte[] metaBomb = frame(true, Zlib.compress(("{\"k\": \"" + "B".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8)),
                Zlib.compress("{}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(FrameTooLargeException.class, () -> strict.decode(metaBomb));
    }

    @Test
    void metadataAndPayloadMustBeJsonObjects() {
        byte[] list = frame(false, "[]".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        assertThrows(InvalidPayloadException.class, () -> binarizer.decode(list));
        byte[] badUtf8 = frame(false, "{}".getBytes(StandardCharsets.UTF_8), new byte[] {'"', (byte) 0xC3, '"'});
        assertThrows(InvalidPayloadException.class, () -> binarizer.decode(badUtf8));
        byte[] dup = frame(false, "{}".getBytes(StandardCharsets.UTF_8),
                "{\"type\": 1, \"type\": 2}".getBytes(StandardCharsets.UTF_8));
        assertThrows(InvalidPayloadException.class, () -> binarizer.decode(dup));
    }

    @Test
    void metadataLengthBeyondTheFrameIsTruncation() {
        byte[] frame = VectorFiles.hex("82ff7b7d");
        assertTrue(assertThrows(InvalidPayloadException.class, () -> binarizer.decode(frame)).getMessage()
                .contains("truncated"));
    }

    /** A BUS frame built by hand: unversioned, the given Z flag and raw META / PAYLOAD bytes. */
    private static byte[] frame(boolean z, byte[] meta, byte[] payload) {
        byte[] out = new byte[2 + meta.length + payload.length];
        out[0] = (byte) (0x82 | (z ? 1 : 0));
        out[1] = (byte) meta.length;
        System.arraycopy(meta, 0, out, 2, meta.length);
        System.arraycopy(payload, 0, out, 2 + meta.length, payload.length);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String randomText(int n) {
        Random r = new Random(7);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + r.nextInt(26)));
        }
        return s.toString();
    }

    @Test
    void bitWriterAndReaderAgreeOnUnalignedBytes() {
        BitWriter w = new BitWriter(3);
        w.skip(4);
        w.bytes(new byte[] {(byte) 0xAB, (byte) 0xCD});
        w.bits(0xE, 4);
        byte[] b = w.toByteArray();
        assertArrayEquals(new byte[] {0x0A, (byte) 0xBC, (byte) 0xDE}, b);
        BitReader r = new BitReader(b);
        assertEquals(0, r.bits(4));
        assertArrayEquals(new byte[] {(byte) 0xAB, (byte) 0xCD}, r.bytes(2));
        assertEquals(4, r.remaining());
        assertThrows(InvalidPayloadException.class, () -> r.bytes(1));
    }
}
