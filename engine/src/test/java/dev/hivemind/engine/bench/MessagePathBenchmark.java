package dev.hivemind.engine.bench;

import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.JsonValues;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.engine.codec.binary.Binarizer;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.codec.json.JsonLimits;
import dev.hivemind.engine.crypto.NonceSequence;
import dev.hivemind.engine.crypto.SessionCrypto;
import dev.hivemind.engine.session.SessionFraming;
import dev.hivemind.api.transport.Frame;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-message cost of an established session: encode + encrypt one typical BUS utterance into a frame, and
 * decrypt + decode it, for each cipher and a few text encodings, and the binarized (bit-packed, zlib) path.
 * Run: {@code mvn -B -pl engine -am -Pengine-bench -DskipTests verify} (results: docs/benchmarks/engine.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MessagePathBenchmark {
    @Param({"AES_GCM", "CHACHA20_POLY1305"})
    public CipherSuite cipher;

    @Param({"JSON_HEX", "JSON_B64", "JSON_B91", "BINARIZED"})
    public String framing;

    private SessionFraming sessionFraming;
    private SessionCrypto sender;
    private SessionCrypto receiver;
    private HiveMessage message;
    private TextEncoding encoding;
    private boolean binarize;
    private Frame sample;

    @Setup
    public void setUp() {
        HiveJson json = new HiveJson(JsonLimits.defaults());
        sessionFraming = new SessionFraming(new HiveMessageCodec(json), new Binarizer(json));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        sender = new SessionCrypto(SessionKey.copyOf(key), cipher,
                new NonceSequence(cipher, new SecureRandom(), NonceSequence.DEFAULT_MESSAGE_LIMIT), null);
        receiver = new SessionCrypto(SessionKey.copyOf(key), cipher,
                new NonceSequence(cipher, new SecureRandom(), NonceSequence.DEFAULT_MESSAGE_LIMIT), null);
        message = HiveMessage.bus("recognizer_loop:utterance",
                JsonValues.object("utterances", List.of("what is the weather like in Lisbon tomorrow morning"),
                        "lang", "en-us"),
                JsonValues.object("source", "HiveMessageBusClientV0.0.1", "destination", "HiveMind",
                        "session", JsonValues.object("session_id", "3f0c2b7e-8a51-4d9e-9c5a-1f2e3d4c5b6a")));
        binarize = framing.equals("BINARIZED");
        encoding = binarize ? TextEncoding.JSON_HEX : TextEncoding.valueOf(framing);
        sample = sessionFraming.encrypted(message, sender, encoding, binarize);
    }

    /** Encode and encrypt one message into a frame (the sending side's work). */
    @Benchmark
    public Frame send() {
        return sessionFraming.encrypted(message, sender, encoding, binarize);
    }

    /** Decrypt and decode one frame (the receiving side's work; no replay cache). */
    @Benchmark
    public HiveMessage receive() {
        return sessionFraming.decode(sample, receiver, encoding).message();
    }

    /** Frame size on the wire, printed once for the results table. */
    public int wireBytes() {
        return sample instanceof Frame.Text t ? t.text().getBytes(StandardCharsets.UTF_8).length : sample.size();
    }
}
