package dev.keyledger.standalone;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what a projection will show soon; fails with a message after a generous timeout. */
final class Eventually {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Eventually() {
    }

    static void holds(String what, BooleanSupplier condition) {
        holds(what, TIMEOUT, condition);
    }

    /** With a timeout of its own, for a condition that waits on a whole history (projected on a busy machine). */
    static void holds(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
