package dev.keyledger.cli;

/** A failure the command reports in one readable message and one exit code, never as a stack trace. */
public class CliFailure extends RuntimeException {

    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static CliFailure usage(String message) {
        return new CliFailure(ExitCodes.USAGE, message);
    }

    public static CliFailure unreachable(String message) {
        return new CliFailure(ExitCodes.UNREACHABLE, message);
    }

    public static CliFailure authentication(String message) {
        return new CliFailure(ExitCodes.AUTHENTICATION, message);
    }

    public static CliFailure refused(String message) {
        return new CliFailure(ExitCodes.REFUSED, message);
    }
}
