package dev.hivemind.dist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.auth.rsa.NodeIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Where the build put things, and assertions shared by the integration tests. */
final class ItSupport {
    /** A warning or error in our console log format ({@code HH:mm:ss.SSS LEVEL logger - message}). */
    private static final Pattern LOGGED_PROBLEM = Pattern.compile("^\\S+ (WARN|ERROR) ");

    private ItSupport() {
    }

    /** The assembled distribution folder ({@code target/hivemind}, passed in by the failsafe configuration). */
    /**
     * Generates a satellite's RSA identity in {@code satelliteHome} (where {@code connect --rsa} looks for it) and writes
     * its public key PEM to {@code publicKeyFile}, for enrolling it with the hub.
     */
    static void writeIdentity(Path satelliteHome, Path publicKeyFile) {
        try {
            Files.createDirectories(satelliteHome);
            NodeIdentity identity = NodeIdentity.loadOrGenerate(satelliteHome.resolve("HiveMindComs.pem"), 2048, true,
                    new SecureRandom());
            Files.writeString(publicKeyFile, identity.publicKeyPem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path distribution() {
        Path dist = Path.of(System.getProperty("hivemind.distribution", "target/hivemind")).toAbsolutePath();
        assertTrue(Files.isExecutable(dist.resolve("bin/hivemind")),
                "no assembled distribution at " + dist + " (run the package phase first)");
        return dist;
    }

    /** Copies a folder tree, keeping file modes (the launcher stays executable). */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** The one jar in {@code folder} whose name starts with {@code prefix}. */
    static Path jar(Path folder, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".jar")).toList();
            assertEquals(1, jars.size(), prefix + "*.jar in " + folder + ": " + jars);
            return jars.get(0);
        }
    }

    /**
     * A {@code connect --send TEXT} run that made a session with the expected mode at {@code url}, sent the text
     * and printed the echo agent's reply.
     */
    static void assertSession(Finished connect, String url, String mode, int protocol, String text) {
        assertEquals(0, connect.exitCode(), connect.describe());
        List<String> out = connect.out().lines().toList();
        assertEquals(3, out.size(), connect.describe());
        Pattern session = Pattern.compile("connected to " + Pattern.quote(url) + ": mode=" + mode + " protocol="
                + protocol + " cipher=(AES-GCM|CHACHA20-POLY1305) encoding=JSON-[A-Z0-9-]+ binarize=(true|false) "
                + "handshake=\\d+ ms");
        assertTrue(session.matcher(out.get(0)).matches(), connect.describe());
        assertEquals("sent: " + text, out.get(1), connect.describe());
        assertEquals("received: bus speak {\"utterance\": \"you said: " + text + "\", \"lang\": \"en-us\"}",
                out.get(2), connect.describe());
        assertTrue(connect.errLines().stream().noneMatch(l -> LOGGED_PROBLEM.matcher(l).find()), connect.describe());
    }

    /** A failed command: status 1, exactly one line on standard error, no session. */
    static String assertOneLineFailure(Finished run) {
        return assertOneLineFailure(run, false);
    }

    /** A failed command: status 1, exactly one line on standard error; {@code sessionMade}: after a session. */
    static String assertOneLineFailure(Finished run, boolean sessionMade) {
        assertEquals(1, run.exitCode(), run.describe());
        assertEquals(1, run.errLines().size(), run.describe());
        assertTrue(run.errLines().get(0).startsWith("hivemind: "), run.describe());
        assertEquals(sessionMade, run.out().contains("connected to"), run.describe());
        return run.errLines().get(0);
    }

    /** The rows of one {@code list-plugins} table ("Auth methods", "Transports", ...), without its header. */
    static List<String> tableRows(String listPluginsOutput, String section) {
        List<String> lines = listPluginsOutput.lines().toList();
        int start = lines.indexOf(section + ":");
        assertTrue(start >= 0, "no '" + section + ":' table in\n" + listPluginsOutput);
        List<String> rows = new java.util.ArrayList<>();
        for (int i = start + 2; i < lines.size() && !lines.get(i).isBlank(); i++) {
            rows.add(lines.get(i));
        }
        return rows;
    }

    /** The first column of a {@code list-plugins} table: the plugin names. */
    static List<String> tableNames(String listPluginsOutput, String section) {
        return tableRows(listPluginsOutput, section).stream().map(r -> r.split("\\s+")[0]).toList();
    }
}
