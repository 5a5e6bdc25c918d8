package dev.hivemind.dist.cli;

import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.dist.db.ClientImporter;
import dev.hivemind.dist.db.ImportReport;
import dev.hivemind.dist.db.LegacyClientFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import-clients PATH}: imports a Python hub's {@code clients.json}, keeping ids and credentials. All or
 * nothing; running it again changes nothing; conflicts stop it unless {@code --overwrite}.
 */
@Command(name = "import-clients", mixinStandardHelpOptions = true,
        description = {"Import the clients of a hivemind-core clients.json file.",
                "Keeps ids, access keys, passwords and crypto keys. Nothing is written if any client conflicts with a "
                        + "stored one; a client revoked in the file is never revoked here."})
final class ImportClientsCommand extends ClientStoreCommand {
    @Parameters(paramLabel = "PATH", description = "hivemind-core's clients.json (a Python hub keeps it in ~/.local/share/hivemind-core/).")
    Path path;

    @Option(names = "--overwrite", description = "Replace stored clients that differ from the file's (never revives a revoked one).")
    boolean overwrite;

    private LegacyClientFile.Contents contents;

    @Override
    protected void validate() {
        contents = LegacyClientFile.read(path);
    }

    @Override
    protected void run(ClientStore store, PrintWriter out) {
        ImportReport report = new ClientImporter(store).importAll(contents, overwrite);
        out.println("Read " + contents.records().size() + " client(s) from " + path);
        for (String note : report.notes()) {
            (note.startsWith("warning:") ? err() : out).println(Text.printable(note));
        }
        for (String conflict : report.conflicts()) {
            out.println("conflict: " + conflict);
        }
        if (!report.applied()) {
            throw new CliFailure("nothing imported: " + report.conflicts().size() + " conflict(s)"
                    + (overwrite ? "" : "; --overwrite replaces stored clients that differ"));
        }
        out.println("Added: " + ids(report.added()));
        out.println("Unchanged: " + ids(report.unchanged()));
        if (!report.replaced().isEmpty()) {
            out.println("Replaced: " + ids(report.replaced()));
        }
        if (!report.kept().isEmpty()) {
            out.println("Kept active: " + ids(report.kept()));
        }
    }

    private static String ids(List<Integer> ids) {
        return ids.isEmpty() ? "none" : ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
