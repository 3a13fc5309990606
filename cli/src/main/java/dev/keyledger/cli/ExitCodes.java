package dev.keyledger.cli;

/** The exit codes API.md §5 promises, so scripts can tell what went wrong without reading the text. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The service answered and refused (its problem is printed). */
    public static final int REFUSED = 1;
    /** The command line itself was wrong; nothing was sent. */
    public static final int USAGE = 2;
    /** The service could not be reached. */
    public static final int UNREACHABLE = 3;
    /** The credentials were missing or refused. */
    public static final int AUTHENTICATION = 4;

    private ExitCodes() {
    }
}
