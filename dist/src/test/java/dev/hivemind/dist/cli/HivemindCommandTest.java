package dev.hivemind.dist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.dist.db.HomeDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HivemindCommandTest {
    @TempDir
    Path tmp;

    @Test
    void noCommandIsAUsageError() {
        CliRun.Result r = new CliRun(tmp).run();
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("hivemind: Missing command"), r.err());
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithSuggestions() {
        CliRun.Result r = new CliRun(tmp).run("list-client");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("list-clients"), "suggests the near miss: " + r.err());
    }

    @Test
    void helpAndVersionSucceed() {
        CliRun.Result help = new CliRun(tmp).run("--help");
        assertEquals(0, help.exitCode());
        for (String command : new String[] {"add-client", "list-clients", "delete-client", "rename-client", "make-admin",
                "revoke-admin", "allow-msg", "blacklist-msg", "allow-escalate", "blacklist-escalate", "allow-propagate",
                "blacklist-propagate", "allow-skill", "blacklist-skill", "allow-intent", "blacklist-intent",
                "import-clients"}) {
            assertTrue(help.out().contains(command), command);
        }
        assertEquals(0, new CliRun(tmp).run("--version").exitCode());
        CliRun.Result sub = new CliRun(tmp).run("help", "allow-msg");
        assertEquals(0, sub.exitCode());
        assertTrue(sub.out().contains("hivemind allow-msg") && sub.out().contains("TYPE ID"), sub.out());
    }

    @Test
    void theHomeOptionWinsOverTheEnvironmentBeforeOrAfterTheCommand() {
        CliRun cli = new CliRun(tmp);
        Path other = tmp.resolve("other");
        assertEquals(0, cli.run("--home", other.toString(), "add-client").exitCode());
        assertEquals(0, cli.run("add-client", "--home", other.toString()).exitCode());
        assertFalse(Files.exists(cli.home()), "HIVEMIND_HOME was not used");
        try (ClientStore store = HomeDatabase.open(other)) {
            assertEquals(2, store.list().size());
        }
    }

    @Test
    void withoutHomeOrEnvironmentTheDataIsInTheUsersShareFolder() {
        CliRun cli = new CliRun(tmp);
        assertEquals(0, cli.run(Map.of(), "add-client").exitCode());
        assertTrue(Files.exists(tmp.resolve("user/.local/share/hivemind-jvm/clients.db")));
    }

    @Test
    void theHomeEnvironmentVariableWinsOverTheAccountsHomeDirectory() {
        CliRun cli = new CliRun(tmp);
        Path home = tmp.resolve("elsewhere");
        assertEquals(0, cli.run(Map.of("HOME", home.toString()), "add-client").exitCode());
        assertTrue(Files.exists(home.resolve(".local/share/hivemind-jvm/clients.db")));
        assertFalse(Files.exists(tmp.resolve("user/.local")), "the account's home (user.home) was not used");
    }

    @Test
    void anAbsoluteXdgDataHomeComesBeforeHomeAndARelativeOneIsIgnored() {
        CliRun cli = new CliRun(tmp);
        Path xdg = tmp.resolve("xdg-data");
        Path home = tmp.resolve("elsewhere");
        assertEquals(0, cli.run(Map.of("XDG_DATA_HOME", xdg.toString(), "HOME", home.toString()), "add-client")
                .exitCode());
        assertTrue(Files.exists(xdg.resolve("hivemind-jvm/clients.db")));
        assertEquals(0, cli.run(Map.of("XDG_DATA_HOME", "relative/data", "HOME", home.toString()), "add-client")
                .exitCode());
        assertTrue(Files.exists(home.resolve(".local/share/hivemind-jvm/clients.db")));
    }

    @Test
    void theHelpListsEachCommandOnOneLineWithinEightyColumns() {
        CliRun.Result help = new CliRun(tmp).run("--help");
        List<String> lines = help.out().lines().toList();
        for (String line : lines) {
            assertTrue(line.length() <= 80, "wider than 80 columns: '" + line + "'");
        }
        List<String> commands = lines.subList(lines.indexOf("Commands:") + 1, lines.indexOf(""));
        assertTrue(commands.size() > 20, help.out());
        for (String line : commands) {
            assertTrue(line.matches("  [a-z-]+ +[A-Z].*\\.$"), "not one whole sentence on one line: '" + line + "'");
        }
    }

    @Test
    void aUsageErrorHasOnePrefix() {
        CliRun.Result r = new CliRun(tmp).run("connect", "ws://127.0.0.1:9", "--access-key", "key");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("hivemind: Missing required argument(s): "), r.err());
        assertFalse(r.err().contains("Error:"), r.err());
    }

    @Test
    void failuresAreOneLineUnlessVerbose() throws Exception {
        Path notADirectory = Files.writeString(tmp.resolve("file"), "x");
        CliRun cli = new CliRun(tmp);
        CliRun.Result quiet = cli.run("--home", notADirectory.toString(), "list-clients");
        assertEquals(1, quiet.exitCode());
        assertEquals(1, quiet.errLines(), quiet.err());
        assertTrue(quiet.err().startsWith("hivemind: "), quiet.err());

        CliRun.Result verbose = cli.run("--home", notADirectory.toString(), "--verbose", "list-clients");
        assertEquals(1, verbose.exitCode());
        assertTrue(verbose.errLines() > 3, "a stack trace follows: " + verbose.err());
        assertTrue(verbose.err().contains("\tat "), verbose.err());
    }

    static Stream<Arguments> permissionCommandArguments() {
        String id = "      ID              The client's id.";
        return Stream.of(
                Arguments.of("make-admin", "ID", List.of(id)),
                Arguments.of("revoke-admin", "ID", List.of(id)),
                Arguments.of("allow-escalate", "ID", List.of(id)),
                Arguments.of("blacklist-escalate", "ID", List.of(id)),
                Arguments.of("allow-propagate", "ID", List.of(id)),
                Arguments.of("blacklist-propagate", "ID", List.of(id)),
                Arguments.of("allow-msg", "TYPE ID", List.of("      TYPE            The message type, e.g. speak.", id)),
                Arguments.of("blacklist-msg", "TYPE ID", List.of("      TYPE            The message type.", id)),
                Arguments.of("allow-skill", "SKILL ID", List.of("      SKILL           The skill id.", id)),
                Arguments.of("blacklist-skill", "SKILL ID", List.of("      SKILL           The skill id.", id)),
                Arguments.of("allow-intent", "INTENT ID",
                        List.of("      INTENT          The intent, as skill_id:intent_name.", id)),
                Arguments.of("blacklist-intent", "INTENT ID",
                        List.of("      INTENT          The intent, as skill_id:intent_name.", id)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("permissionCommandArguments")
    void permissionCommandsShowTheirArgumentsInOrder(String command, String synopsis, List<String> parameters) {
        CliRun.Result help = new CliRun(tmp).run(command, "--help");
        assertEquals(0, help.exitCode(), help.err());
        List<String> lines = help.out().lines().toList();
        assertEquals("Usage: hivemind " + command + " [-hvV] [--config=FILE] [--home=DIR] " + synopsis, lines.get(0));
        int first = Math.max(0, lines.indexOf(parameters.get(0)));
        assertEquals(parameters, lines.subList(first, first + parameters.size()), help.out());
    }
}
