package dev.keyledger.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;

/**
 * A usage error in one line and a pointer to the command's help. Arguments the command did not expect are named only
 * when they look like options, and never with a value: a secret typed where it does not belong (say
 * {@code --client-secret kls_...}) must not be copied into a terminal's scrollback or a CI log as well.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException failure, String[] arguments) {
        CommandLine command = failure.getCommandLine();
        PrintWriter err = command.getErr();
        if (failure instanceof UnmatchedArgumentException unmatched) {
            List<String> options = unmatched.getUnmatched().stream().filter(argument -> argument.startsWith("-"))
                    .map(option -> option.contains("=") ? option.substring(0, option.indexOf('=')) : option)
                    .toList();
            err.println(options.isEmpty() ? "unexpected arguments (not repeated here)"
                    : "unknown options: " + String.join(", ", options) + " (values not shown; secrets are never"
                    + " taken from the command line)");
            UnmatchedArgumentException.printSuggestions(unmatched, err);
        } else {
            err.println(failure.getMessage());
            if (failure.getMessage().startsWith("Expected parameter for positional parameter")) {
                // An id that begins like one of the options (-o, -q, -h, -V): '--' ends the options.
                err.println("an id that begins with '-' goes after '--', e.g. "
                        + command.getCommandSpec().qualifiedName() + " -- -q1Xf...");
            }
        }
        err.println("see '" + command.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ExitCodes.USAGE;
    }
}
