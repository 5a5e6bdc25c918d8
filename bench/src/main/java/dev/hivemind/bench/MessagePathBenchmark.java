package dev.hivemind.bench;

import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.engine.codec.binary.Binarizer;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.codec.json.JsonLimits;
import dev.hivemind.engine.crypto.NonceSequence;
import dev.hivemind.engine.crypto.SessionCrypto;
import dev.hivemind.engine.session.SessionFraming;
import java.security.SecureRandom;
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
 * The per-message cost of an established session, one thread: {@code send} encodes and encrypts one BUS message into
 * a frame, {@code receive} decrypts and decodes one (no replay cache: that is the transport-facing session's
 * business and is measured by the load generator). Every cipher × framing (encrypted JSON in three text encodings, or
 * bit-packed binary with zlib) × message size (the JSON text's length). Add {@code -prof gc} for the bytes allocated
 * per message ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MessagePathBenchmark {
    @Param({"AES_GCM", "CHACHA20_POLY1305"})
    public CipherSuite cipher;

    @Param({"JSON_HEX", "JSON_B64", "JSON_B91", "BINARIZED"})
    public String framing;

    @Param({"256", "1024", "65536"})
    public int size;

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
        message = MessageSamples.bus(size);
        binarize = framing.equals("BINARIZED");
        encoding = binarize ? TextEncoding.JSON_HEX : TextEncoding.valueOf(framing);
        sample = sessionFraming.encrypted(message, sender, encoding, binarize);
    }

    /** Encode and encrypt one message into a frame (the sending side's work). */
    @Benchmark
    public Frame send() {
        return sessionFraming.encrypted(message, sender, encoding, binarize);
    }

    /** Decrypt and decode one frame (the receiving side's work). */
    @Benchmark
    public HiveMessage receive() {
        return sessionFraming.decode(sample, receiver, encoding).message();
    }
}
