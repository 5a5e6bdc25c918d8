package dev.hivemind.dist.cli;

import dev.hivemind.api.registry.ClientRecord;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Generated and given client secrets. Generated ones carry 128 random bits each: the access key and password are
 * 16 random bytes in hex (as hivemind-core makes them), the crypto key is 16 random bytes in hex, 32 characters,
 * so its UTF-8 bytes form an AES-256 key (hivemind-core's 16-character keys hold only 64 bits, W9).
 */
final class Credentials {
    private static final int RANDOM_BYTES = 16;
    /** The option that sets each built-in method's credential. */
    private static final Map<String, String> BUILT_IN_OPTIONS = Map.of(ClientRecord.PASSWORD, "--password",
            ClientRecord.PSK, "--crypto-key", ClientRecord.RSA, "--public-key");

    private Credentials() {
    }

    static String newAccessKey(SecureRandom random) {
        return randomHex(random);
    }

    static String newPassword(SecureRandom random) {
        return randomHex(random);
    }

    static String newCryptoKey(SecureRandom random) {
        return randomHex(random);
    }

    private static String randomHex(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Why an access key cannot be used, if it cannot. */
    static Optional<String> accessKeyProblem(String key) {
        if (key.isEmpty()) {
            return Optional.of("the access key is empty");
        }
        if (key.equals(ClientRecord.REVOKED)) {
            return Optional.of("'revoked' is reserved for deleted clients");
        }
        if (key.contains(":")) {
            return Optional.of("the access key must not contain ':' (the authorization token is useragent:key)");
        }
        if (!isPrintableAscii(key)) {
            return Optional.of("the access key must be printable ASCII without spaces");
        }
        return Optional.empty();
    }

    /** Why a given crypto key cannot be used, if it cannot: it must be 16, 24 or 32 printable ASCII characters. */
    static Optional<String> cryptoKeyProblem(String key) {
        if (!isPrintableAscii(key)) {
            return Optional.of("the crypto key must be printable ASCII without spaces");
        }
        int length = key.getBytes(StandardCharsets.UTF_8).length;
        if (length != 16 && length != 24 && length != 32) {
            return Optional.of("the crypto key must be 16, 24 or 32 characters long (AES-128, -192 or -256), not "
                    + length);
        }
        return Optional.empty();
    }

    /** A warning for a usable crypto key that is weaker than a generated one. */
    static Optional<String> cryptoKeyWarning(String key) {
        if (key.length() < 32) {
            return Optional.of("warning: a " + key.length() + "-character crypto key is weaker than the generated"
                    + " 32-character one (hivemind-core's 16 hex characters hold 64 random bits); prefer a password,"
                    + " or leave --crypto-key out");
        }
        return Optional.empty();
    }

    private static boolean isPrintableAscii(String s) {
        return s.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /**
     * Why {@code value} cannot be stored as the credential of drop-in method {@code method}: a malformed method name,
     * a built-in method (it has its own option), or an empty value.
     */
    static Optional<String> dropInCredentialProblem(String method, String value) {
        if (!method.matches("[a-z][a-z0-9_-]{0,31}")) {
            return Optional.of("--credential " + method + "=...: '" + method + "' is not an auth method name");
        }
        if (BUILT_IN_OPTIONS.containsKey(method)) {
            return Optional.of("--credential " + method + "=...: use " + BUILT_IN_OPTIONS.get(method) + " instead");
        }
        if (value == null || value.isEmpty()) {
            return Optional.of("--credential " + method + "=...: the credential is empty");
        }
        return Optional.empty();
    }
}
