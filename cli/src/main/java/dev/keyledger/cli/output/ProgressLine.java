package dev.keyledger.cli.output;

import dev.keyledger.cli.CliEnvironment;

import java.io.PrintWriter;

/**
 * A progress bar on standard error, redrawn in place at most ten times a second; nothing at all when no person is
 * watching (a CI log would fill with carriage returns). Without a known total it counts instead of filling.
 */
public final class ProgressLine {

    private static final int WIDTH = 30;
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

    /** {@code total} 0 or less: unknown. */
    public void update(long done, long total, long bytes) {
        long now = System.nanoTime();
        if (!shown || now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        draw(done, total, bytes);
    }

    public void finish(long done, long total, long bytes) {
        if (shown) {
            draw(done, total, bytes);
            err.println();
            err.flush();
        }
    }

    private void draw(long done, long total, long bytes) {
        String size = String.format("%.1f MB", bytes / 1_000_000.0);
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, done * WIDTH / total);
            err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                    + done + "/" + total + " " + size);
        } else {
            err.print("\r" + label + " " + done + " " + size);
        }
        err.flush();
    }
}
