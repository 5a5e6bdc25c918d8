package dev.hivemind.bench;

import dev.hivemind.api.auth.SessionKey;
import dev.hivemind.api.transport.Frame;
import dev.hivemind.api.wire.CipherSuite;
import dev.hivemind.api.wire.HiveMessage;
import dev.hivemind.api.wire.TextEncoding;
import dev.hivemind.engine.codec.binary.Binarizer;
import dev.hivemind.engine.codec.json.HiveJson;
import dev.hivemind.engine.codec.json.HiveMessageCodec;
import dev.hivemind.engine.crypto.NonceSequence;
import dev.hivemind.engine.crypto.SessionCrypto;
import dev.hivemind.engine.session.SessionFraming;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The CPU time (not wall time) one thread spends per operation, for a machine shared with other work where JMH's
 * wall-clock scores swing with the load: PBKDF2 (ours, the JDK's, Bouncy Castle's) and the message path (both ciphers,
 * JSON-B64, JSON-B91 and binarized, 256 B, 1 KiB and 64 KiB). The message part uses only {@code SessionFraming} and
 * {@code SessionCrypto}'s constructor, which older engine versions have too, so the same probe compares versions. Each figure is the median of 15 rounds, after warm-up rounds; allocation per operation comes
 * from the thread's allocation counter. Run with {@code -Dbench.main=dev.hivemind.bench.CpuCost} (see
 * docs/PERFORMANCE.md).
 */
public final class CpuCost {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private CpuCost() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "load average %.2f, PBKDF2 engine %s%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                dev.hivemind.auth.password.Pbkdf2HmacSha256.engineName());
        Pbkdf2Benchmark kdf = new Pbkdf2Benchmark();
        report("PBKDF2 ours (100 000 iterations)", 5, kdf::ours);
        report("PBKDF2 JDK PBKDF2WithHmacSHA256", 5, kdf::jdk);
        report("PBKDF2 Bouncy Castle", 2, kdf::bouncyCastle);
        HiveJson json = HiveJson.withDefaults();
        SessionFraming framing = new SessionFraming(new HiveMessageCodec(json), new Binarizer(json));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        for (CipherSuite suite : CipherSuite.values()) {
            SessionCrypto sender = new SessionCrypto(SessionKey.copyOf(key), suite,
                    new NonceSequence(suite, new SecureRandom(), NonceSequence.DEFAULT_MESSAGE_LIMIT), null);
            SessionCrypto receiver = new SessionCrypto(SessionKey.copyOf(key), suite,
                    new NonceSequence(suite, new SecureRandom(), NonceSequence.DEFAULT_MESSAGE_LIMIT), null);
            for (int size : new int[] {256, 1024, 65536}) {
                HiveMessage message = MessageSamples.bus(size);
                for (String framingName : new String[] {"JSON_B64", "JSON_B91", "BINARIZED"}) {
                    boolean binarize = framingName.equals("BINARIZED");
                    TextEncoding encoding = binarize ? TextEncoding.JSON_HEX : TextEncoding.valueOf(framingName);
                    Frame frame = framing.encrypted(message, sender, encoding, binarize);
                    int n = size > 10_000 ? 300 : 5_000;
                    String name = suite + " " + framingName + " " + size + " B ";
                    report(name + "encrypt+frame", n, () -> framing.encrypted(message, sender, encoding, binarize));
                    report(name + "parse+decrypt", n, () -> framing.decode(frame, receiver, encoding));
                }
            }
        }
    }

    private static void report(String name, int perRound, Callable<?> op) throws Exception {
        for (int i = 0; i < 5; i++) {
            round(perRound, op);
        }
        double[] cpu = new double[15];
        double[] alloc = new double[15];
        for (int i = 0; i < cpu.length; i++) {
            double[] r = round(perRound, op);
            cpu[i] = r[0];
            alloc[i] = r[1];
        }
        Arrays.sort(cpu);
        Arrays.sort(alloc);
        double median = cpu[cpu.length / 2];
        System.out.printf(Locale.ROOT, "%-55s %12.3f µs CPU/op (min %.3f, max %.3f) = %,.0f ops/s per core; "
                + "%,.0f B allocated/op%n", name, median / 1000, cpu[0] / 1000, cpu[cpu.length - 1] / 1000,
                1e9 / median, alloc[alloc.length / 2]);
    }

    private static double[] round(int n, Callable<?> op) throws Exception {
        long id = Thread.currentThread().getId();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long alloc0 = THREADS.getThreadAllocatedBytes(id);
        Object sink = null;
        for (int i = 0; i < n; i++) {
            sink = op.call();
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        long alloc = THREADS.getThreadAllocatedBytes(id) - alloc0;
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        return new double[] {cpu / (double) n, alloc / (double) n};
    }
}
