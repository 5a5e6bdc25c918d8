package dev.hivemind.bench;

import dev.hivemind.auth.password.Pbkdf2HmacSha256;
import dev.hivemind.auth.password.PasswordKdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One password-handshake key derivation (PBKDF2-HMAC-SHA256, 100 000 iterations, 32 bytes), by: our
 * {@link Pbkdf2HmacSha256} as {@code bin/hivemind} runs it ({@code ours}: the JDK's SHA-256 compression intrinsic,
 * {@code --add-opens}) and without the {@code --add-opens} ({@code oursPortable}: cloned digests), the JDK's
 * {@code PBKDF2WithHmacSHA256} and Bouncy Castle's {@code PKCS5S2ParametersGenerator}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Pbkdf2Benchmark {
    static final String OPENS = "--add-opens=java.base/sun.security.provider=ALL-UNNAMED";

    private final char[] password = "correct horse battery staple".toCharArray();
    private final byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = OPENS)
    public byte[] ours() {
        return Pbkdf2HmacSha256.derive(password, salt, PasswordKdf.ITERATIONS, PasswordKdf.KEY_BYTES);
    }

    @Benchmark
    public byte[] oursPortable() {
        return Pbkdf2HmacSha256.derive(password, salt, PasswordKdf.ITERATIONS, PasswordKdf.KEY_BYTES);
    }

    @Benchmark
    public byte[] jdk() throws GeneralSecurityException {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password, salt, PasswordKdf.ITERATIONS, 8 * PasswordKdf.KEY_BYTES))
                .getEncoded();
    }

    @Benchmark
    public byte[] bouncyCastle() {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(new String(password).getBytes(StandardCharsets.UTF_8), salt, PasswordKdf.ITERATIONS);
        return ((KeyParameter) generator.generateDerivedParameters(8 * PasswordKdf.KEY_BYTES)).getKey();
    }
}
