package dev.keyledger.query.integration;

import java.time.Instant;

/**
 * A republish job, as any query-side node reports it.
 *
 * @param fromPosition  the first global position republished (inclusive)
 * @param upToPosition  the head of the store when the job was asked for (inclusive): later events are the live
 *                      publisher's
 * @param published     events acknowledged by the broker so far
 * @param error         why it failed, when it did
 */
public record RepublishStatus(String jobId, State state, long fromPosition, long upToPosition, long published,
                              Instant startedAt, Instant finishedAt, String error) {

    public enum State { RUNNING, COMPLETED, FAILED }
}
