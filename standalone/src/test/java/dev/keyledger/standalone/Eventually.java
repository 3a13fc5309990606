package dev.keyledger.standalone;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what a projection will show soon; fails with a message after a generous timeout. */
final class Eventually {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Eventually() {
    }

    static void holds(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + TIMEOUT.toSeconds() + " s: " + what);
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
