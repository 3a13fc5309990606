package dev.keyledger.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the build's version, from the runnable jar's manifest. */
public final class CliVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = CliVersion.class.getPackage().getImplementationVersion();
        return new String[] {"keyledger " + (version == null ? "(development build)" : version)};
    }
}
