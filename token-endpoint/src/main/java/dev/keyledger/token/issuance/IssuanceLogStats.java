package dev.keyledger.token.issuance;

/**
 * What the issuance log writer has done since the node started, for an operator (and, later, for metrics: every
 * count only grows, as a counter should).
 *
 * @param written     records stored
 * @param setAside    records PostgreSQL refused for their own content, logged and not stored
 * @param dropped     records lost because the queue was full (the database too slow or away for too long)
 * @param failedWrites writes that failed because of the database, after which the same records were tried again
 * @param waiting     records queued or held for the next attempt right now
 */
public record IssuanceLogStats(long written, long setAside, long dropped, long failedWrites, long waiting) {
}
