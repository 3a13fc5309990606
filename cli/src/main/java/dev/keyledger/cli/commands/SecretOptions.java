package dev.keyledger.cli.commands;

import dev.keyledger.cli.KeyledgerCli;
import dev.keyledger.cli.output.SecretDelivery;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options of every command that creates a secret: where the one-time secret goes. */
final class SecretOptions {

    @Option(names = "--show-secret",
            description = "Print the new secret even when standard output is not a terminal.")
    boolean show;

    @Option(names = "--secret-file", paramLabel = "PATH",
            description = "Write the new secret to this file (owner-only) instead of printing it.")
    Path file;

    @Option(names = "--to-command", paramLabel = "CMD",
            description = "Give the new secret to this shell command on its standard input (e.g. a vault writer).")
    String command;

    SecretDelivery delivery(KeyledgerCli cli) {
        return new SecretDelivery(cli.environment(), cli.printer(), show, file, command);
    }
}
