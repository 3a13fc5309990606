package dev.keyledger.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyledger.cli.CliEnvironment;
import dev.keyledger.cli.CliFailure;
import dev.keyledger.cli.config.OwnerOnlyFiles;
import dev.keyledger.cli.http.ApiAnswer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a secret the service shows once goes: to the screen only when a person is watching or {@code --show-secret}
 * says so; else to an owner-only file or a command's standard input. A command that would have nowhere to put it is
 * refused before anything is created, so a secret is never lost in a pipe or a CI log.
 */
public final class SecretDelivery {

    static final String FIELD = "clientSecret";

    private final CliEnvironment environment;
    private final Printer printer;
    private final boolean show;
    private final Path file;
    private final String command;

    public SecretDelivery(CliEnvironment environment, Printer printer, boolean show, Path file, String command) {
        this.environment = environment;
        this.printer = printer;
        this.show = show;
        this.file = file;
        this.command = command;
    }

    /** Called before the write that creates the secret. */
    public void checkBeforeWrite() {
        if (file != null && command != null) {
            throw CliFailure.usage("give either --secret-file or --to-command, not both");
        }
        if (!shownOnScreen() && file == null && command == null) {
            throw CliFailure.usage("this command creates a secret that is shown only once, and standard output is not"
                    + " a terminal: add --secret-file PATH (owner-only file), --to-command 'CMD' (the secret on its"
                    + " standard input) or --show-secret (print it)");
        }
    }

    /** Delivers the answer's secret and prints the answer: whole when shown, without the secret otherwise. */
    public void deliver(ApiAnswer answer, List<String> columns) {
        String secret = answer.json().path(FIELD).asText();
        if (file != null) {
            OwnerOnlyFiles.write(file, (secret + "\n").getBytes(StandardCharsets.UTF_8));
            printWithout(answer, columns);
            printer.info("the new secret is in " + file + " (owner-only); it is not shown again");
        } else if (command != null) {
            pipe(secret);
            printWithout(answer, columns);
            printer.info("the new secret was given to the command on its standard input; it is not shown again");
        } else {
            printer.answer(answer, columns);
            printer.warning("the clientSecret above is shown only once: store it now");
        }
    }

    private boolean shownOnScreen() {
        return show || environment.terminal();
    }

    private void printWithout(ApiAnswer answer, List<String> columns) {
        ObjectNode withheld = ((ObjectNode) answer.json()).deepCopy();
        withheld.remove(FIELD);
        printer.answer(new ApiAnswer(answer.status(), withheld.toString()), columns);
    }

    private void pipe(String secret) {
        try {
            // Its standard output is dropped: a command that echoes its input would put the secret in a CI log. Its
            // errors are shown, to say why a delivery failed.
            Process process = new ProcessBuilder("sh", "-c", command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream input = process.getOutputStream()) {
                input.write((secret + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                process.destroy();
                throw CliFailure.refused("the command given with --to-command did not read the secret ("
                        + e.getMessage() + "): the new secret exists on the service but was not delivered; delete it"
                        + " and start again");
            }
            String output = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (!output.isEmpty()) {
                environment.err().print(output);
                environment.err().flush();
            }
            if (exit != 0) {
                throw CliFailure.refused("the command given with --to-command failed (exit " + exit + "): the new"
                        + " secret exists on the service but was not delivered; delete it and start again");
            }
        } catch (IOException e) {
            throw CliFailure.refused("cannot run the command given with --to-command: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.refused("interrupted while handing the secret to --to-command");
        }
    }
}
