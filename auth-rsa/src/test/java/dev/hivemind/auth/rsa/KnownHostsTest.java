package dev.hivemind.auth.rsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The known-hosts file: format, lookups, first-use pins, rotation, unpinning, corruption and atomic rewrites. */
class KnownHostsTest {
    private static final String FP_A = TestKeys.server().publicKey().fingerprint();
    private static final String FP_B = TestKeys.client().publicKey().fingerprint();

    @TempDir
    Path tmp;

    @Test
    void missingFileHasNoPins() {
        assertTrue(new KnownHosts(tmp.resolve("hosts")).lookup("h:1").isEmpty());
    }

    @Test
    void pinIsOneReadableLineInAFileOfMode0600() throws Exception {
        Path file = tmp.resolve("hosts");
        KnownHosts hosts = new KnownHosts(file);
        hosts.pinIfAbsent("Hub.Local:5678", FP_A);
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(0).startsWith("#"), "a header explains the format");
        assertEquals("hub.local:5678 " + FP_A, lines.get(1));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(1, Files.list(tmp).count(), "no temporary file left behind");
        assertEquals(FP_A, hosts.lookup("HUB.LOCAL:5678").get(0).fingerprint());
    }

    @Test
    void firstPinWinsLaterDifferentKeysAreReturnedNotStored() {
        KnownHosts hosts = new KnownHosts(tmp.resolve("hosts"));
        hosts.pinIfAbsent("h:1", FP_A);
        List<KnownHosts.Pin> after = hosts.pinIfAbsent("h:1", FP_B);
        assertEquals(List.of(new KnownHosts.Pin("h:1", FP_A, 2)), after);
    }

    @Test
    void hostsAreIndependentAndIpv6Works() {
        KnownHosts hosts = new KnownHosts(tmp.resolve("hosts"));
        hosts.add("[::1]:5678", FP_A);
        hosts.add("127.0.0.1:5678", FP_B);
        assertEquals(FP_A, hosts.lookup("[::1]:5678").get(0).fingerprint());
        assertEquals(FP_B, hosts.lookup("127.0.0.1:5678").get(0).fingerprint());
        assertTrue(hosts.lookup("127.0.0.1:5679").isEmpty());
    }

    @Test
    void severalKeysForOneHostAllowRotation() {
        KnownHosts hosts = new KnownHosts(tmp.resolve("hosts"));
        hosts.add("h:1", FP_A);
        hosts.add("h:1", FP_B);
        hosts.add("h:1", FP_B);
        assertEquals(2, hosts.lookup("h:1").size());
    }

    @Test
    void unpinRemovesOnlyThatHostAndKeepsComments() throws Exception {
        Path file = tmp.resolve("hosts");
        Files.writeString(file, "# mine\nh:1 " + FP_A + "\n\nother:2 " + FP_B + "\n");
        KnownHosts hosts = new KnownHosts(file);
        assertEquals(1, hosts.unpin("h:1"));
        assertEquals("# mine\n\nother:2 " + FP_B + "\n", Files.readString(file));
        assertEquals(0, hosts.unpin("h:1"));
    }

    @Test
    void malformedLineMakesTheFileUnusableNamingTheLine() throws Exception {
        Path file = tmp.resolve("hosts");
        Files.writeString(file, "h:1 " + FP_A + "\nh:2 MD5:abc\n");
        KnownHosts hosts = new KnownHosts(file);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> hosts.lookup("h:1"));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains(file.toString()), e.getMessage());
        assertThrows(IllegalStateException.class, () -> hosts.pinIfAbsent("h:3", FP_A));
        assertThrows(IllegalStateException.class, () -> hosts.unpin("h:1"));
    }

    @Test
    void badInputsAreRefused() {
        KnownHosts hosts = new KnownHosts(tmp.resolve("hosts"));
        assertThrows(IllegalArgumentException.class, () -> hosts.add("no port", FP_A));
        assertThrows(IllegalArgumentException.class, () -> hosts.add("h:1", "SHA256:short"));
        assertThrows(IllegalArgumentException.class, () -> hosts.lookup("h:x"));
    }
}
