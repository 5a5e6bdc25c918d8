package dev.hivemind.dist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.registry.ClientRecord;
import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.dist.db.HomeDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClientCommandsTest {
    private static final Pattern HEX_32 = Pattern.compile("[0-9a-f]{32}");

    @TempDir
    Path tmp;

    private CliRun cli;

    @BeforeEach
    void setUp() {
        cli = new CliRun(tmp);
    }

    private ClientRecord stored(int id) {
        try (ClientStore store = HomeDatabase.open(cli.home())) {
            return store.get(id).orElseThrow();
        }
    }

    private static String field(String out, String label) {
        Matcher m = Pattern.compile("^" + Pattern.quote(label) + ": (.*)$", Pattern.MULTILINE).matcher(out);
        assertTrue(m.find(), label + " in:\n" + out);
        return m.group(1);
    }

    @Test
    void addClientGeneratesStrongSecretsAndPrintsThemOnce() {
        CliRun.Result r = cli.run("add-client", "--name", "kitchen");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertEquals("1", field(r.out(), "Node ID"));
        assertEquals("kitchen", field(r.out(), "Friendly Name"));
        assertEquals("false", field(r.out(), "Admin Privileges"));
        String accessKey = field(r.out(), "Access Key");
        String password = field(r.out(), "Password");
        String cryptoKey = field(r.out(), "Encryption Key");
        for (String secret : List.of(accessKey, password, cryptoKey)) {
            assertTrue(HEX_32.matcher(secret).matches(), "16 random bytes in hex: " + secret);
        }
        assertEquals(3, Stream.of(accessKey, password, cryptoKey).distinct().count());

        ClientRecord stored = stored(1);
        assertEquals(accessKey, stored.apiKey());
        assertEquals(password, stored.password());
        assertEquals(cryptoKey, stored.cryptoKey());
        assertEquals(ClientRecord.DEFAULT_ALLOWED_TYPES, stored.allowedTypes());

        assertFalse(r.out().contains("only now"), "the secrets can be shown again: " + r.out());
        assertTrue(r.out().contains("'hivemind show-client 1 --show-secrets' prints them again."), r.out());

        CliRun.Result second = cli.run("add-client");
        assertEquals("HiveMind-Node-2", field(second.out(), "Friendly Name"));
        assertNotEquals(accessKey, field(second.out(), "Access Key"));
    }

    @Test
    void addClientTakesGivenCredentialsAndWarnsAboutLegacyKeys() {
        CliRun.Result r = cli.run("add-client", "--access-key", "my-key", "--password", "my-password",
                "--crypto-key", "0123456789abcdef", "--admin", "--metadata", "{\"room\": \"attic\"}");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().startsWith("warning: a 16-character crypto key"), r.err());
        ClientRecord c = stored(1);
        assertEquals("my-key", c.apiKey());
        assertEquals("my-password", c.password());
        assertEquals("0123456789abcdef", c.cryptoKey());
        assertTrue(c.admin());
        assertEquals(Map.of("room", "attic"), c.metadata());
        assertEquals("true", field(r.out(), "Admin Privileges"));
    }

    @Test
    void adminTakesHivemindCoresBooleanValueToo() {
        assertEquals(0, cli.run("add-client", "--admin", "True").exitCode());
        assertEquals(0, cli.run("add-client", "--admin=false").exitCode());
        assertTrue(stored(1).admin());
        assertFalse(stored(2).admin());
    }

    @Test
    void aClientMayHaveNoCryptoKeyAndAnEnrolledRsaKey() throws Exception {
        var pair = KeyPairGenerator.getInstance("RSA");
        pair.initialize(2048);
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Path keyFile = Files.writeString(tmp.resolve("client.pem"), pem);
        CliRun.Result r = cli.run("add-client", "--no-crypto-key", "--rsa-public-key", keyFile.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("(none)", field(r.out(), "Encryption Key"));
        ClientRecord c = stored(1);
        assertNull(c.cryptoKey());
        assertTrue(c.credential(ClientRecord.RSA).orElseThrow().startsWith("-----BEGIN PUBLIC KEY-----\nMII"));
        assertTrue(cli.run("list-clients").out().contains("password,rsa"));
    }

    static Stream<Arguments> badAddClientArguments() {
        return Stream.of(
                Arguments.of("crypto key of 20 characters", List.of("--crypto-key", "a".repeat(20)), "16, 24 or 32"),
                Arguments.of("crypto key with a space", List.of("--crypto-key", "0123456789 abcde"), "printable ASCII"),
                Arguments.of("both crypto key options", List.of("--crypto-key", "a".repeat(32), "--no-crypto-key"), "exclude"),
                Arguments.of("access key with a colon", List.of("--access-key", "a:b"), "':'"),
                Arguments.of("access key 'revoked'", List.of("--access-key", "revoked"), "reserved"),
                Arguments.of("metadata not an object", List.of("--metadata", "[1]"), "JSON object"),
                Arguments.of("metadata not JSON", List.of("--metadata", "{nope"), "not valid JSON"),
                Arguments.of("unknown option", List.of("--colour", "red"), "Unknown option"),
                Arguments.of("admin not a boolean", List.of("--admin", "maybe"), "'maybe'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAddClientArguments")
    void badArgumentsAreUsageErrors(String name, List<String> args, String expected) throws Exception {
        String[] all = Stream.concat(Stream.of("add-client"), args.stream()).toArray(String[]::new);
        CliRun.Result r = cli.run(all);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("hivemind: "), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertTrue(r.err().contains("Try 'hivemind add-client --help'"), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(cli.home().resolve(HomeDatabase.FILE_NAME)), "nothing was written");
    }

    @Test
    void aTakenAccessKeyIsAOneLineFailure() {
        cli.run("add-client", "--access-key", "shared");
        CliRun.Result r = cli.run("add-client", "--access-key", "shared");
        assertEquals(1, r.exitCode());
        assertEquals("hivemind: client 2: the access key is already used by client 1" + System.lineSeparator(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void listClientsHidesSecretsUnlessAsked() {
        String out = cli.run("add-client", "--name", "kitchen").out();
        String secrets = field(out, "Access Key") + field(out, "Password") + field(out, "Encryption Key");
        cli.run("add-client", "--name", "porch", "--no-crypto-key");
        cli.run("delete-client", "2");

        CliRun.Result plain = cli.run("list-clients");
        assertEquals(0, plain.exitCode());
        List<String> lines = plain.out().lines().toList();
        assertEquals("ID  NAME     ADMIN  METHODS       RSA KEY  LAST SEEN", lines.get(0));
        assertEquals("1   kitchen  no     password,psk  -        never", lines.get(1));
        assertEquals(2, lines.size(), "the revoked client is hidden");
        for (String secret : List.of(field(out, "Access Key"), field(out, "Password"), field(out, "Encryption Key"))) {
            assertFalse(plain.out().contains(secret));
        }

        CliRun.Result shown = cli.run("list-clients", "--show-secrets", "--all");
        assertTrue(shown.out().contains(field(out, "Access Key")));
        assertTrue(shown.out().contains(field(out, "Password")));
        assertTrue(shown.out().contains(field(out, "Encryption Key")));
        assertTrue(shown.out().lines().anyMatch(l -> l.startsWith("2 ") && l.contains("revoked")), shown.out());
        assertFalse(secrets.isEmpty());
    }

    @Test
    void listClientsOnAnEmptyDatabase() {
        CliRun.Result r = cli.run("list-clients");
        assertEquals(0, r.exitCode());
        assertEquals("No clients found." + System.lineSeparator(), r.out());
    }

    @Test
    void namesCannotInjectTerminalControls() {
        cli.run("add-client", "--name", "evil\u001b[2Jname");
        CliRun.Result r = cli.run("list-clients");
        assertFalse(r.out().contains("\u001b"), r.out());
        assertTrue(r.out().contains("evil?[2Jname"), r.out());
    }

    @Test
    void deleteClientRevokesAndNeverReusesTheId() {
        cli.run("add-client");
        cli.run("add-client");
        CliRun.Result r = cli.run("delete-client", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Revoked credentials!"), r.out());
        assertFalse(r.out().contains("Password"), "no secrets are printed");
        assertTrue(stored(2).revoked());
        assertEquals("3", field(cli.run("add-client").out(), "Node ID"));

        CliRun.Result again = cli.run("delete-client", "2");
        assertEquals(1, again.exitCode());
        assertEquals("hivemind: client 2 is revoked" + System.lineSeparator(), again.err());
        CliRun.Result missing = cli.run("delete-client", "42");
        assertEquals(1, missing.exitCode());
        assertEquals("hivemind: no client with id 42" + System.lineSeparator(), missing.err());
    }

    @Test
    void renameClientTakesTheNameAsArgumentOrOption() {
        cli.run("add-client", "--name", "old");
        CliRun.Result r = cli.run("rename-client", "1", "new name");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("Renamed client 1 from 'old' to 'new name'" + System.lineSeparator(), r.out());
        assertEquals(0, cli.run("rename-client", "1", "--name", "newer").exitCode());
        assertEquals("newer", stored(1).name());
        assertEquals(2, cli.run("rename-client", "1").exitCode());
        assertEquals(2, cli.run("rename-client", "1", "a", "--name", "b").exitCode());
        assertEquals(2, cli.run("rename-client", "one", "a").exitCode());
    }

    static Stream<Arguments> changes() {
        Predicate<ClientRecord> admin = ClientRecord::admin;
        Predicate<ClientRecord> escalate = ClientRecord::canEscalate;
        Predicate<ClientRecord> propagate = ClientRecord::canPropagate;
        return Stream.of(
                Arguments.of(List.of("make-admin", "1"), admin, "Gave administrator powers to node"),
                Arguments.of(List.of("revoke-admin", "1"), admin.negate(), "node is not an administrator"),
                Arguments.of(List.of("blacklist-escalate", "1"), escalate.negate(), "Blacklisted 'ESCALATE' messages for node"),
                Arguments.of(List.of("allow-escalate", "1"), escalate, "Client node is already allowed to send 'ESCALATE' messages"),
                Arguments.of(List.of("blacklist-propagate", "1"), propagate.negate(), "Blacklisted 'PROPAGATE' messages for node"),
                Arguments.of(List.of("allow-propagate", "1"), propagate, "Client node is already allowed to send 'PROPAGATE' messages"),
                Arguments.of(List.of("allow-msg", "speak", "1"), (Predicate<ClientRecord>) c -> c.allowedTypes().contains("speak"),
                        "Allowed 'speak' for node"),
                Arguments.of(List.of("blacklist-msg", "speak:b64_audio", "1"),
                        (Predicate<ClientRecord>) c -> !c.allowedTypes().contains("speak:b64_audio"), "Blacklisted 'speak:b64_audio' for node"),
                Arguments.of(List.of("blacklist-skill", "skill-x.openvoiceos", "1"),
                        (Predicate<ClientRecord>) c -> c.skillBlacklist().equals(List.of("skill-x.openvoiceos")),
                        "Blacklisted 'skill-x.openvoiceos' for node"),
                Arguments.of(List.of("allow-skill", "skill-x.openvoiceos", "1"), (Predicate<ClientRecord>) c -> c.skillBlacklist().isEmpty(),
                        "'skill-x.openvoiceos' is not blacklisted for client node"),
                Arguments.of(List.of("blacklist-intent", "skill-x:stop_intent", "1"),
                        (Predicate<ClientRecord>) c -> c.intentBlacklist().equals(List.of("skill-x:stop_intent")),
                        "Blacklisted 'skill-x:stop_intent' for node"),
                Arguments.of(List.of("allow-intent", "skill-x:stop_intent", "1"), (Predicate<ClientRecord>) c -> c.intentBlacklist().isEmpty(),
                        "'skill-x:stop_intent' is not blacklisted for client node"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void permissionCommandsChangeOneFieldOfOneClient(List<String> args, Predicate<ClientRecord> expected, String message) {
        cli.run("add-client", "--name", "node");
        cli.run("add-client", "--name", "bystander");
        ClientRecord bystander = stored(2);
        CliRun.Result r = cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(message + System.lineSeparator(), r.out());
        assertTrue(expected.test(stored(1)), stored(1).toString());
        assertEquals(bystander, stored(2), "other clients are untouched");
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("make-admin", List.of("1"), "revoke-admin",
                        "Gave administrator powers to node", "node is already an administrator"),
                Arguments.of("revoke-admin", List.of("1"), "make-admin",
                        "Revoked administrator powers for node", "node is not an administrator"),
                Arguments.of("allow-escalate", List.of("1"), "blacklist-escalate",
                        "Allowed 'ESCALATE' messages for node", "Client node is already allowed to send 'ESCALATE' messages"),
                Arguments.of("blacklist-escalate", List.of("1"), "allow-escalate",
                        "Blacklisted 'ESCALATE' messages for node", "Client node 'ESCALATE' messages are already blacklisted"),
                Arguments.of("allow-propagate", List.of("1"), "blacklist-propagate",
                        "Allowed 'PROPAGATE' messages for node", "Client node is already allowed to send 'PROPAGATE' messages"),
                Arguments.of("blacklist-propagate", List.of("1"), "allow-propagate",
                        "Blacklisted 'PROPAGATE' messages for node", "Client node 'PROPAGATE' messages are already blacklisted"),
                Arguments.of("allow-msg", List.of("speak", "1"), "blacklist-msg",
                        "Allowed 'speak' for node", "Client node is already allowed 'speak'"),
                Arguments.of("blacklist-msg", List.of("speak", "1"), "allow-msg",
                        "Blacklisted 'speak' for node", "Client node is already not allowed 'speak'"),
                Arguments.of("blacklist-skill", List.of("s", "1"), "allow-skill",
                        "Blacklisted 's' for node", "Client node has already blacklisted 's'"),
                Arguments.of("allow-skill", List.of("s", "1"), "blacklist-skill",
                        "Unblacklisted 's' for node", "'s' is not blacklisted for client node"),
                Arguments.of("blacklist-intent", List.of("s:i", "1"), "allow-intent",
                        "Blacklisted 's:i' for node", "Client node has already blacklisted 's:i'"),
                Arguments.of("allow-intent", List.of("s:i", "1"), "blacklist-intent",
                        "Unblacklisted 's:i' for node", "'s:i' is not blacklisted for client node"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void permissionCommandsSayWhatTheyChangedOrThatItWasAlreadyInPlace(String command, List<String> args,
            String opposite, String changed, String alreadyInPlace) {
        cli.run("add-client", "--name", "node");
        String[] oppositeLine = Stream.concat(Stream.of(opposite), args.stream()).toArray(String[]::new);
        String[] line = Stream.concat(Stream.of(command), args.stream()).toArray(String[]::new);
        assertEquals(0, cli.run(oppositeLine).exitCode());
        ClientRecord before = stored(1);

        CliRun.Result change = cli.run(line);
        assertEquals(0, change.exitCode(), change.err());
        assertEquals(changed + System.lineSeparator(), change.out());
        ClientRecord after = stored(1);
        assertNotEquals(before, after);

        CliRun.Result again = cli.run(line);
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(alreadyInPlace + System.lineSeparator(), again.out());
        assertEquals("", again.err());
        assertEquals(after, stored(1), "a change already in place writes nothing");
    }

    @Test
    void messagesShowNamesAndEntriesAsTheyAre() {
        cli.run("add-client", "--name", "100%s");
        String nl = System.lineSeparator();
        assertEquals("Gave administrator powers to 100%s" + nl, cli.run("make-admin", "1").out());
        assertEquals("Client 100%s is already allowed to send 'ESCALATE' messages" + nl,
                cli.run("allow-escalate", "1").out());
        assertEquals("Allowed 'a%sb' for 100%s" + nl, cli.run("allow-msg", "a%sb", "1").out());
        assertEquals("Blacklisted 's%n' for 100%s" + nl, cli.run("blacklist-skill", "s%n", "1").out());
        assertEquals("'%1$s' is not blacklisted for client 100%s" + nl, cli.run("allow-intent", "%1$s", "1").out());
    }

    @Test
    void allowAndBlacklistUndoEachOther() {
        cli.run("add-client", "--name", "node");
        ClientRecord before = stored(1);
        for (String[] pair : new String[][] {
                {"blacklist-skill", "s", "1"}, {"allow-skill", "s", "1"},
                {"blacklist-intent", "s:i", "1"}, {"allow-intent", "s:i", "1"},
                {"blacklist-escalate", "1"}, {"allow-escalate", "1"},
                {"blacklist-propagate", "1"}, {"allow-propagate", "1"},
                {"make-admin", "1"}, {"revoke-admin", "1"},
                {"allow-msg", "speak", "1"}, {"blacklist-msg", "speak", "1"}}) {
            assertEquals(0, cli.run(pair).exitCode(), String.join(" ", pair));
        }
        assertEquals(before, stored(1));
    }

    @Test
    void theUtteranceTypeCannotBeBlacklisted() {
        cli.run("add-client");
        CliRun.Result r = cli.run("blacklist-msg", ClientRecord.UTTERANCE, "1");
        assertEquals(1, r.exitCode());
        assertEquals("hivemind: 'recognizer_loop:utterance' is always allowed" + System.lineSeparator(), r.err());
        assertTrue(stored(1).allowedTypes().contains(ClientRecord.UTTERANCE));
    }

    @Test
    void onlyTheAllowedTypesKeepTheUtterance() {
        cli.run("add-client", "--name", "node");
        String nl = System.lineSeparator();
        assertEquals("Client node is already allowed 'recognizer_loop:utterance'" + nl,
                cli.run("allow-msg", ClientRecord.UTTERANCE, "1").out());
        assertEquals("Blacklisted 'recognizer_loop:utterance' for node" + nl,
                cli.run("blacklist-skill", ClientRecord.UTTERANCE, "1").out());
        assertEquals("Blacklisted 'recognizer_loop:utterance' for node" + nl,
                cli.run("blacklist-intent", ClientRecord.UTTERANCE, "1").out());
        assertEquals(List.of(ClientRecord.UTTERANCE), stored(1).skillBlacklist());
        assertEquals(List.of(ClientRecord.UTTERANCE), stored(1).intentBlacklist());
    }

    @Test
    void argumentOrderIsHivemindCoresTypeThenId() {
        cli.run("add-client");
        CliRun.Result swapped = cli.run("allow-msg", "1", "speak");
        assertEquals(2, swapped.exitCode());
        assertTrue(swapped.err().contains("'speak'"), swapped.err());
        assertEquals(2, cli.run("blacklist-skill", "skill-x").exitCode(), "the id is required");
    }

    @Test
    void changingARevokedOrMissingClientFails() {
        cli.run("add-client");
        cli.run("delete-client", "1");
        CliRun.Result revoked = cli.run("make-admin", "1");
        assertEquals(1, revoked.exitCode());
        assertEquals("hivemind: client 1 is revoked" + System.lineSeparator(), revoked.err());
        CliRun.Result missing = cli.run("allow-msg", "speak", "7");
        assertEquals(1, missing.exitCode());
        assertEquals(1, missing.errLines());
    }

    @Test
    void showClientPrintsEveryFieldButTheSecretsUnlessAsked() {
        CliRun.Result added = cli.run("add-client", "--name", "kitchen", "--metadata", "{\"room\": \"kitchen\"}");
        String accessKey = field(added.out(), "Access Key");
        String password = field(added.out(), "Password");
        String cryptoKey = field(added.out(), "Encryption Key");
        cli.run("allow-msg", "speak", "1");
        cli.run("blacklist-msg", "speak:b64_audio", "1");
        cli.run("blacklist-skill", "skill-weather.openvoiceos", "1");
        cli.run("blacklist-intent", "skill-jokes:tell", "1");
        cli.run("blacklist-escalate", "1");

        CliRun.Result shown = cli.run("show-client", "1");
        assertEquals(0, shown.exitCode(), shown.err());
        String out = shown.out();
        assertEquals("1", field(out, "Node ID"));
        assertEquals("kitchen", field(out, "Friendly Name"));
        assertEquals("active", field(out, "Status"));
        assertEquals("never", field(out, "Last Seen"));
        assertEquals("password,psk", field(out, "Auth Methods"));
        assertEquals("false", field(out, "Admin Privileges"));
        assertEquals("true", field(out, "Can Broadcast"));
        assertEquals("false", field(out, "Can Escalate"));
        assertEquals("true", field(out, "Can Propagate"));
        assertTrue(field(out, "Allowed Types").contains("speak"), out);
        assertFalse(field(out, "Allowed Types").contains("speak:b64_audio"), out);
        assertEquals("skill-weather.openvoiceos", field(out, "Skill Blacklist"));
        assertEquals("skill-jokes:tell", field(out, "Intent Blacklist"));
        assertEquals("{\"room\":\"kitchen\"}", field(out, "Metadata"));
        for (String secret : List.of(accessKey, password, cryptoKey)) {
            assertFalse(out.contains(secret), "a secret without --show-secrets:\n" + out);
        }
        assertEquals("(hidden; --show-secrets shows it)", field(out, "Password"));

        CliRun.Result secrets = cli.run("show-client", "1", "--show-secrets");
        assertEquals(accessKey, field(secrets.out(), "Access Key"));
        assertEquals(password, field(secrets.out(), "Password"));
        assertEquals(cryptoKey, field(secrets.out(), "Encryption Key"));

        CliRun.Result missing = cli.run("show-client", "7");
        assertEquals(1, missing.exitCode());
        assertEquals("hivemind: no client with id 7" + System.lineSeparator(), missing.err());
    }

    @Test
    void listClientsShowsPermissionsOnRequest() {
        cli.run("add-client", "--name", "plain");
        cli.run("add-client", "--name", "tuned");
        cli.run("allow-msg", "speak", "2");
        cli.run("blacklist-msg", "speak:b64_audio", "2");
        cli.run("blacklist-propagate", "2");
        cli.run("blacklist-skill", "skill-a", "2");
        cli.run("blacklist-skill", "skill-b", "2");

        assertFalse(cli.run("list-clients").out().contains("ALLOWED TYPES"), "permissions only on request");
        CliRun.Result r = cli.run("list-clients", "--permissions");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("ID +NAME +ADMIN +METHODS +RSA KEY +LAST SEEN +BROADCAST +ESCALATE +PROPAGATE +ALLOWED TYPES"
                + " +MSG BLACKLIST +SKILL BLACKLIST +INTENT BLACKLIST"), lines.get(0));
        assertTrue(lines.get(1).matches("1 +plain +no .* yes +yes +yes +default +- +- +-"), lines.get(1));
        assertTrue(lines.get(2).matches("2 +tuned +no .* yes +yes +no +default \\+speak -speak:b64_audio +- +skill-a,skill-b +-"),
                lines.get(2));
    }
}
