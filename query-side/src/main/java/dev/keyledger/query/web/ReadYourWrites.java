package dev.keyledger.query.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * {@code ?minVersion=N}: waits until the read model holds version N of the resource (or later), for at most the
 * configured time (2 s), then gives up with {@link NotCaughtUp}. A caller that just wrote version N reads it back.
 */
@Component
class ReadYourWrites {

    private static final long POLL_MILLIS = 10;

    private final Duration patience;

    ReadYourWrites(@Value("${keyledger.query.min-version-wait:PT2S}") Duration patience) {
        this.patience = patience;
    }

    void await(long minVersion, BooleanSupplier reached) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!reached.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new NotCaughtUp("the read model has not reached version " + minVersion + " within "
                        + patience.toMillis() + " ms; retry shortly");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotCaughtUp("interrupted while waiting for version " + minVersion);
            }
        }
    }
}
