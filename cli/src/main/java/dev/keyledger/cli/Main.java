package dev.keyledger.cli;

/** The entry point of the runnable jar that {@code bin/keyledger} starts. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(KeyledgerCli.commandLine(CliEnvironment.system()).execute(args));
    }
}
