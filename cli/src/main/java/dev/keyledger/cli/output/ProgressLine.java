package dev.keyledger.cli.output;

import dev.keyledger.cli.CliEnvironment;

import java.io.PrintWriter;

/**
 * A progress line on standard error, redrawn in place at most ten times a second; nothing at all when no person is
 * watching (a CI log would fill with carriage returns). It counts: the API has no cheap total for a filtered export.
 */
public final class ProgressLine {

    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean shown;
    private final String label;
    private long lastDrawn;

    public ProgressLine(CliEnvironment environment, boolean quiet, String label) {
        this.err = environment.err();
        this.shown = environment.terminal() && !quiet;
        this.label = label;
    }

    public void update(long done, long bytes) {
        long now = System.nanoTime();
        if (!shown || now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        draw(done, bytes);
    }

    public void finish(long done, long bytes) {
        if (shown) {
            draw(done, bytes);
            err.println();
            err.flush();
        }
    }

    private void draw(long done, long bytes) {
        err.print("\r" + label + " " + done + " events, " + String.format("%.1f MB", bytes / 1_000_000.0));
        err.flush();
    }
}
