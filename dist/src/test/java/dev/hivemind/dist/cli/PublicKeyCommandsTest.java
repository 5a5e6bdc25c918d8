package dev.hivemind.dist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.dist.db.HomeDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrolling client keys from the CLI: {@code add-client --public-key}, {@code set-public-key ID PEM_FILE|--remove},
 * the installed rsa method's key policy applied before anything is stored, and {@code list-clients} showing which
 * methods each client can use and its key's fingerprint.
 */
class PublicKeyCommandsTest {
    @TempDir
    Path tmp;

    private CliRun cli;

    @BeforeEach
    void setUp() {
        cli = new CliRun(tmp);
    }

    @Test
    void setPublicKeyEnrolsReplacesAndRemovesAKeyAndSaysWhatItDid() throws Exception {
        assertEquals(0, cli.run("add-client", "--name", "kitchen").exitCode());
        Key first = key(2048);
        Key second = key(2048);

        CliRun.Result enrolled = cli.run("set-public-key", "1", first.file().toString());
        assertEquals(0, enrolled.exitCode(), enrolled.err());
        assertEquals("Client 1: enrolled RSA key " + first.fingerprint(), enrolled.out().strip());
        assertEquals(Optional.of(first.pem()), stored(1).credential(ClientRecord.RSA));

        assertEquals("Client 1 already has RSA key " + first.fingerprint(),
                cli.run("set-public-key", "1", first.file().toString()).out().strip());
        assertEquals("Client 1: enrolled RSA key " + second.fingerprint() + " (replaces " + first.fingerprint() + ")",
                cli.run("set-public-key", "1", second.file().toString()).out().strip());

        String listed = cli.run("list-clients").out();
        assertTrue(listed.lines().anyMatch(l -> l.startsWith("1 ") && l.contains("password,psk,rsa")
                && l.contains(second.fingerprint())), listed);

        assertEquals("Client 1: removed RSA key " + second.fingerprint(),
                cli.run("set-public-key", "1", "--remove").out().strip());
        assertEquals(Optional.empty(), stored(1).credential(ClientRecord.RSA));
        assertEquals("Client 1 has no enrolled RSA key", cli.run("set-public-key", "1", "--remove").out().strip());
    }

    @Test
    void aKeyTheRsaMethodWouldRefuseIsNeverStored() throws Exception {
        assertEquals(0, cli.run("add-client").exitCode());
        Key weak = key(1024);
        CliRun.Result r = cli.run("set-public-key", "1", weak.file().toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("not acceptable") && r.err().contains("2048"), r.err());
        assertEquals(Optional.empty(), stored(1).credential(ClientRecord.RSA));

        CliRun.Result added = cli.run("add-client", "--public-key", weak.file().toString());
        assertEquals(2, added.exitCode());
        assertEquals(1, count(), "nothing was added");

        Path junk = Files.writeString(tmp.resolve("junk.pem"), "not a key");
        assertEquals(2, cli.run("set-public-key", "1", junk.toString()).exitCode());
        assertEquals(2, cli.run("set-public-key", "1").exitCode(), "a key file or --remove is required");
        assertEquals(1, cli.run("set-public-key", "7", "--remove").exitCode(), "no such client");
    }

    @Test
    void aClientWithOnlyAnEnrolledKeyCanUseOnlyRsa() throws Exception {
        Key key = key(2048);
        CliRun.Result r = cli.run("add-client", "--name", "rsa-only", "--no-password", "--no-crypto-key",
                "--public-key", key.file().toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("(none)", field(r.out(), "Password"));
        assertEquals(List.of(ClientRecord.RSA), List.copyOf(stored(1).credentials().keySet()));
        String row = cli.run("list-clients").out().lines().skip(1).findFirst().orElseThrow();
        assertTrue(row.matches("1\\s+rsa-only\\s+no\\s+rsa\\s+" + java.util.regex.Pattern.quote(key.fingerprint())
                + "\\s+never"), row);
    }

    @Test
    void aClientWithoutCredentialsIsShownAsEnrollingOnlyWhenTheHubEnrolsOnFirstUse() throws Exception {
        CliRun.Result r = cli.run("add-client", "--name", "new", "--no-password", "--no-crypto-key");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("holds no credential"), r.err());
        assertTrue(cli.run("list-clients").out().lines().skip(1).findFirst().orElseThrow().contains(" -  "));

        Path config = Files.writeString(tmp.resolve("tofu.yaml"), "auth:\n  rsa:\n    enroll_on_first_use: true\n");
        String row = cli.run("list-clients", "--config", config.toString()).out().lines().skip(1).findFirst()
                .orElseThrow();
        assertTrue(row.contains("rsa (enrol on first use)"), row);
    }

    private ClientRecord stored(int id) {
        try (ClientStore store = HomeDatabase.open(cli.home())) {
            return store.get(id).orElseThrow();
        }
    }

    private int count() {
        try (ClientStore store = HomeDatabase.open(cli.home())) {
            return store.count();
        }
    }

    private static String field(String out, String label) {
        return out.lines().filter(l -> l.startsWith(label + ": ")).findFirst().orElseThrow()
                .substring(label.length() + 2);
    }

    /** A fresh RSA key: its PEM file (with a trailing newline, as tools write it), canonical PEM and fingerprint. */
    private record Key(Path file, String pem, String fingerprint) {
    }

    private Key key(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        byte[] der = g.generateKeyPair().getPublic().getEncoded();
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        String pem = "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----";
        Path file = Files.writeString(Files.createTempFile(tmp, "key", ".pem"), pem + "\n");
        String fingerprint = "SHA256:" + Base64.getEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(der));
        return new Key(file, pem, fingerprint);
    }
}
