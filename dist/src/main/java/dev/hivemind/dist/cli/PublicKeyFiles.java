package dev.hivemind.dist.cli;

import dev.hivemind.api.registry.ClientRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reads an RSA public key in PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo) and stores it in the
 * form the {@code rsa} method writes (64-character lines, no trailing newline), after the installed method's own
 * key policy accepted it.
 */
final class PublicKeyFiles {
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private PublicKeyFiles() {
    }

    /** The key re-encoded as canonical PEM (64-character lines), or empty if the text holds no RSA public key. */
    static Optional<String> canonicalRsaPem(String text) {
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            return Optional.empty();
        }
        String body = text.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(body);
            if (!(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)) instanceof RSAPublicKey key)) {
                return Optional.empty();
            }
            String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
            return Optional.of(BEGIN + "\n" + base64 + "\n" + END);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * The key in {@code file}, canonical, and acceptable to the installed {@code rsa} method.
     *
     * @throws CliFailure                           if the file cannot be read
     * @throws picocli.CommandLine.ParameterException if it holds no RSA public key, or one the method refuses
     */
    static String read(Path file, ConfiguredAuth auth, picocli.CommandLine commandLine) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CliFailure("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        String pem = canonicalRsaPem(text).orElseThrow(() -> new picocli.CommandLine.ParameterException(commandLine,
                file + " holds no RSA public key in PEM (-----BEGIN PUBLIC KEY-----)"));
        auth.problem(ClientRecord.RSA, pem).ifPresent(problem -> {
            throw new picocli.CommandLine.ParameterException(commandLine, file + ": " + problem);
        });
        return pem;
    }
}
