package dev.hivemind.auth.password;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;

/**
 * The fast {@link IterationEngine}: drives the JDK's own SHA-256 compression function
 * ({@code sun.security.provider.SHA2.implCompress0}, which HotSpot replaces with SHA-NI or AVX2 code) on a state it
 * sets itself. The HMAC's inner and outer chaining values are computed once; each iteration then sets the state,
 * compresses one preallocated, pre-padded block (the 32-byte U and the padding of a 96-byte message), and reads the
 * state back: two compressions and no allocation. Available only when {@code java.base} opens
 * {@code sun.security.provider} to this code; {@link #createOrNull()} returns {@code null} otherwise.
 */
final class Sha256CompressionEngine extends IterationEngine {
    private static final int[] INITIAL_STATE = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c,
        0x1f83d9ab, 0x5be0cd19};
    /** Bit length of an HMAC-SHA256 input here: a 64-byte key block then a 32-byte U (or inner hash). */
    private static final int MESSAGE_BITS = (Pbkdf2HmacSha256.BLOCK + Pbkdf2HmacSha256.HASH) * 8;

    private static final java.lang.invoke.VarHandle BIG_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);
    // static final: HotSpot inlines constant method handles, so the call reaches the compression intrinsic
    private static final MethodHandle COMPRESS;
    private static final MethodHandle STATE;

    static {
        MethodHandle compress = null;
        MethodHandle state = null;
        try {
            Class<?> sha2 = Class.forName("sun.security.provider.SHA2");
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(sha2, MethodHandles.lookup());
            compress = lookup.findVirtual(sha2, "implCompress0",
                    MethodType.methodType(void.class, byte[].class, int.class))
                    .asType(MethodType.methodType(void.class, Object.class, byte[].class, int.class));
            state = lookup.findGetter(sha2, "state", int[].class)
                    .asType(MethodType.methodType(int[].class, Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            compress = null; // not opened to us (the usual InaccessibleObjectException / IllegalAccessException)
            state = null;
        }
        COMPRESS = compress;
        STATE = state;
    }

    private final Provider provider;

    private Sha256CompressionEngine(Provider provider) {
        this.provider = provider;
    }

    /** The engine, or {@code null} when this JVM does not let us reach the JDK's SHA-256 internals. */
    static Sha256CompressionEngine createOrNull() {
        if (COMPRESS == null) {
            return null;
        }
        try {
            Sha256CompressionEngine engine = new Sha256CompressionEngine(Security.getProvider("SUN"));
            engine.newDigest(); // fails here, not mid-handshake, if the provider's class differs
            return engine;
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    String name() {
        return "sha256-compression";
    }

    @Override
    Run start(byte[] ipad, byte[] opad) {
        Object digest = newDigest();
        int[] st = stateOf(digest);
        int[] inner = chainingValue(digest, st, ipad);
        int[] outer = chainingValue(digest, st, opad);
        byte[] block = new byte[Pbkdf2HmacSha256.BLOCK];
        block[Pbkdf2HmacSha256.HASH] = (byte) 0x80;
        block[62] = (byte) (MESSAGE_BITS >>> 8);
        block[63] = (byte) MESSAGE_BITS;
        int[] acc = new int[8];
        return new Run() {
            @Override
            public void iterate(byte[] u, byte[] t, int count) {
                System.arraycopy(u, 0, block, 0, Pbkdf2HmacSha256.HASH);
                for (int i = 0; i < 8; i++) {
                    acc[i] = (int) BIG_ENDIAN_INT.get(t, 4 * i);
                }
                for (int n = 0; n < count; n++) {
                    System.arraycopy(inner, 0, st, 0, 8);
                    compress(digest, block);
                    for (int i = 0; i < 8; i++) {
                        BIG_ENDIAN_INT.set(block, 4 * i, st[i]);
                    }
                    System.arraycopy(outer, 0, st, 0, 8);
                    compress(digest, block);
                    for (int i = 0; i < 8; i++) {
                        int w = st[i];
                        BIG_ENDIAN_INT.set(block, 4 * i, w);
                        acc[i] ^= w;
                    }
                }
                System.arraycopy(block, 0, u, 0, Pbkdf2HmacSha256.HASH);
                for (int i = 0; i < 8; i++) {
                    BIG_ENDIAN_INT.set(t, 4 * i, acc[i]);
                }
            }

            @Override
            public void close() {
                Arrays.fill(inner, 0);
                Arrays.fill(outer, 0);
                Arrays.fill(st, 0);
                Arrays.fill(acc, 0);
                Arrays.fill(block, (byte) 0);
            }
        };
    }

    private int[] chainingValue(Object digest, int[] st, byte[] keyBlock) {
        System.arraycopy(INITIAL_STATE, 0, st, 0, 8);
        compress(digest, keyBlock);
        return st.clone();
    }

    private Object newDigest() {
        try {
            Object digest = provider.getService("MessageDigest", "SHA-256").newInstance(null);
            stateOf(digest);
            return digest;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private int[] stateOf(Object digest) {
        try {
            return (int[]) STATE.invokeExact(digest);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the SHA-256 state", e);
        }
    }

    private void compress(Object digest, byte[] block) {
        try {
            COMPRESS.invokeExact(digest, block, 0);
        } catch (Throwable e) {
            throw new IllegalStateException("SHA-256 compression failed", e);
        }
    }
}
