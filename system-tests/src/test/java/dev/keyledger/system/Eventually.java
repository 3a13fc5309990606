package dev.keyledger.system;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for something that the topology makes true asynchronously, without asserting how fast. */
final class Eventually {

    private Eventually() {
    }

    /** The first value that passes {@code done}, polled every 20 ms; fails with the last value after {@code timeout}. */
    static <T> T get(Duration timeout, Supplier<T> poll, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = poll.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not within " + timeout + "; last: " + value);
            }
            sleep(20);
            value = poll.get();
        }
        return value;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
