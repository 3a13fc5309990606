package dev.keyledger.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Every failure as one message on standard error and its exit code; a stack trace only for our own bugs. */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (failure instanceof CliFailure known) {
            err.println(known.getMessage());
            err.flush();
            return known.exitCode();
        }
        if (failure instanceof UncheckedIOException io) {
            err.println(io.getMessage() + ": " + io.getCause().getMessage());
            err.flush();
            return ExitCodes.REFUSED;
        }
        err.println("unexpected failure (a bug in keyledger; please report it):");
        failure.printStackTrace(err);
        err.flush();
        return ExitCodes.REFUSED;
    }
}
