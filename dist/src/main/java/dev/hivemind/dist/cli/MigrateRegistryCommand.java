package dev.hivemind.dist.cli;

import dev.hivemind.api.registry.ClientStore;
import dev.hivemind.api.registry.ClientStoreFactory;
import dev.hivemind.dist.db.RegistryMigration;
import dev.hivemind.dist.runtime.NodeConfiguration;
import dev.hivemind.dist.runtime.RegistryPlugins;
import dev.hivemind.engine.config.ConfigException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code migrate-registry}: copies every client of one client database into another (ids, credentials, flags,
 * revoked clients, {@code last_seen}), checks the copy record for record, and refuses a target that already holds
 * clients unless {@code --replace}. A side not named is the registry this node's configuration names.
 */
@Command(name = "migrate-registry", mixinStandardHelpOptions = true,
        description = {"Copy every client into another client database.",
                "Ids, credentials, permissions and revoked clients are kept; the copy is checked. A side not given is "
                        + "the registry of the configuration (--config).",
                "Example: hivemind migrate-registry --to postgres:jdbc:postgresql://db/hivemind?user=hub"})
final class MigrateRegistryCommand implements Runnable {
    @ParentCommand
    HivemindCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "TYPE:LOCATION",
            description = "Source: sqlite:FILE or postgres:JDBC_URL (the password from PGPASSWORD).")
    String from;

    @Option(names = "--from-config", paramLabel = "FILE", description = "Source: the registry section of FILE.")
    Path fromConfig;

    @Option(names = "--to", paramLabel = "TYPE:LOCATION",
            description = "Target: sqlite:FILE or postgres:JDBC_URL (the password from PGPASSWORD).")
    String to;

    @Option(names = "--to-config", paramLabel = "FILE", description = "Target: the registry section of FILE.")
    Path toConfig;

    @Option(names = "--replace", description = "Delete the clients the target already holds first (default: refuse).")
    boolean replace;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration whose registry is the side not "
            + "given (default: as for listen).")
    Path config;

    @Override
    public void run() {
        if (from != null && fromConfig != null || to != null && toConfig != null) {
            throw new ParameterException(spec.commandLine(), "give --from or --from-config, and --to or --to-config,"
                    + " not both");
        }
        if (from == null && fromConfig == null && to == null && toConfig == null) {
            throw new ParameterException(spec.commandLine(), "name the source (--from, --from-config) or the target"
                    + " (--to, --to-config); the other side is the configured registry");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path home = root.ensureDataHome();
        NodeConfiguration node = NodeConfiguration.load(config, home, root.environment().distribution(), Map.of());
        RegistryPlugins registries = node.discoverRegistries();
        try (ClientStore source = open(from, fromConfig, node, registries, home);
                ClientStore target = open(to, toConfig, node, registries, home)) {
            if (source.location().equals(target.location())) {
                throw new CliFailure("the source and the target are the same database (" + source.location() + ")");
            }
            RegistryMigration.Report report;
            try {
                report = RegistryMigration.copy(source, target, replace);
            } catch (RegistryMigration.TargetNotEmptyException e) {
                throw new CliFailure("the target " + target.location() + " already holds " + e.clients()
                        + " client(s); nothing was copied (--replace deletes them first)");
            }
            if (report.replaced() > 0) {
                out.println("Deleted the " + report.replaced() + " client(s) the target held.");
            }
            out.println("Copied " + report.clients() + " client(s) (" + report.revoked() + " revoked, "
                    + report.credentials() + " credential(s)) from " + source.location() + " to " + target.location()
                    + "; every record checked.");
        }
        out.flush();
    }

    private ClientStore open(String typeAndLocation, Path configFile, NodeConfiguration node, RegistryPlugins registries,
            Path home) {
        if (configFile != null) {
            return NodeConfiguration.load(configFile, home, root.environment().distribution(), Map.of())
                    .openClientStore();
        }
        if (typeAndLocation == null) {
            return node.openClientStore();
        }
        int colon = typeAndLocation.indexOf(':');
        if (colon < 1) {
            throw new ParameterException(spec.commandLine(), "'" + typeAndLocation
                    + "' is not TYPE:LOCATION (sqlite:FILE, postgres:JDBC_URL)");
        }
        String type = typeAndLocation.substring(0, colon);
        ClientStoreFactory factory = registries.require(type);
        try {
            return registries.open(type, factory.settingsForLocation(typeAndLocation.substring(colon + 1)), home);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(type + ": " + e.getMessage(), e);
        }
    }
}
