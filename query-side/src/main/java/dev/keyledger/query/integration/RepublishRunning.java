package dev.keyledger.query.integration;

/** A republish job is already running (on any node): one at a time, so that a consumer sees history once per ask. */
public class RepublishRunning extends RuntimeException {

    RepublishRunning(RepublishStatus running) {
        super("a republish from position " + running.fromPosition() + " up to " + running.upToPosition()
                + " is running (" + running.published() + " published); wait for it to finish",
                null, false, false);
    }
}
