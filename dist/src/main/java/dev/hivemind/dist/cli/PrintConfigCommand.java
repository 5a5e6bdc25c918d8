package dev.hivemind.dist.cli;

import dev.hivemind.dist.runtime.NodeConfiguration;
import dev.hivemind.engine.config.ConfigWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code print-config}: the effective configuration, as YAML that {@code --config} accepts. */
@Command(name = "print-config", mixinStandardHelpOptions = true,
        description = {"Print the effective configuration as YAML.",
                "The configuration file merged with the built-in defaults, as --config accepts it."})
final class PrintConfigCommand implements Runnable {
    @ParentCommand
    HivemindCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file to read.")
    Path config;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        NodeConfiguration node = NodeConfiguration.load(config, parent.dataHome(), parent.environment().distribution(),
                Map.of());
        out.println("# effective configuration; source: "
                + node.source().map(Path::toString).orElse("built-in defaults"));
        if (node.config().authMethodsDefaulted()) {
            out.println("# auth.methods is not set: the installed ones of " + node.config().authMethods() + " are enabled");
        }
        out.print(ConfigWriter.toYaml(node.config()));
        out.flush();
    }
}
