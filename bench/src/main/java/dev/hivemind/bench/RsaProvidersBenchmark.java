package dev.hivemind.bench;

import dev.hivemind.auth.rsa.NodeIdentity;
import dev.hivemind.auth.rsa.RsaPrimitives;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
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
 * The four RSA-2048 operations of the handshake, JDK (SunRsaSign/SunJCE) against Bouncy Castle (by instance),
 * with the handshake's fixed parameters: PSS-SHA256 sign and verify over a 256-byte ciphertext, OAEP-SHA1
 * encrypt and decrypt of a 32-byte secret. The command and the numbers: docs/benchmarks/rsa-providers.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RsaProvidersBenchmark {
    @Param({"JDK", "BouncyCastle"})
    public String provider;

    private RsaPrimitives crypto;
    private RSAPrivateKey privateKey;
    private RSAPublicKey publicKey;
    private SecureRandom random;
    private byte[] secret;
    private byte[] ciphertext;
    private byte[] signature;

    @Setup
    public void setUp() throws GeneralSecurityException {
        crypto = provider.equals("JDK") ? RsaPrimitives.jdk() : RsaPrimitives.bouncyCastle();
        random = new SecureRandom();
        NodeIdentity id = NodeIdentity.generate(2048, random);
        privateKey = id.privateKey();
        publicKey = id.publicKey().publicKey();
        secret = new byte[32];
        random.nextBytes(secret);
        ciphertext = crypto.oaepEncrypt(publicKey, secret, random);
        signature = crypto.pssSign(privateKey, ciphertext, random);
    }

    @Benchmark
    public byte[] pssSign() throws GeneralSecurityException {
        return crypto.pssSign(privateKey, ciphertext, random);
    }

    @Benchmark
    public boolean pssVerify() {
        return crypto.pssVerify(publicKey, ciphertext, signature);
    }

    @Benchmark
    public byte[] oaepEncrypt() throws GeneralSecurityException {
        return crypto.oaepEncrypt(publicKey, secret, random);
    }

    @Benchmark
    public byte[] oaepDecrypt() throws GeneralSecurityException {
        return crypto.oaepDecrypt(privateKey, ciphertext);
    }
}
