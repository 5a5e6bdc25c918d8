package dev.hivemind.dist.cli;

import picocli.CommandLine.IVersionProvider;

/** The distribution's version, from the jar manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = HivemindCommand.class.getPackage().getImplementationVersion();
        return new String[] {"hivemind " + (version == null ? "(development build)" : version)
                + " (Java " + Runtime.version() + ")"};
    }
}
