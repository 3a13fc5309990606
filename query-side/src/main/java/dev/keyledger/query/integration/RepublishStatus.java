package dev.keyledger.query.integration;

import java.time.Instant;

/**
 * A republish job as this node sees it.
 *
 * @param fromPosition  the first global position republished (inclusive)
 * @param upToPosition  the head of the store when the job was asked for (inclusive): later events are the live
 *                      publisher's
 * @param published     events acknowledged by the broker so far
 * @param error         why it failed, when it did
 */
public record RepublishStatus(State state, long fromPosition, long upToPosition, long published, Instant startedAt,
                              Instant finishedAt, String error) {

    public enum State { RUNNING, COMPLETED, FAILED }

    static RepublishStatus started(long fromPosition, long upToPosition) {
        return new RepublishStatus(State.RUNNING, fromPosition, upToPosition, 0, Instant.now(), null, null);
    }

    RepublishStatus progressed(long acknowledged) {
        return new RepublishStatus(state, fromPosition, upToPosition, published + acknowledged, startedAt, null, null);
    }

    RepublishStatus completed() {
        return new RepublishStatus(State.COMPLETED, fromPosition, upToPosition, published, startedAt, Instant.now(),
                null);
    }

    RepublishStatus failed(String why) {
        return new RepublishStatus(State.FAILED, fromPosition, upToPosition, published, startedAt, Instant.now(), why);
    }
}
