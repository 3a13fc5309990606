package dev.keyledger.query.eventstore;

/**
 * One row of {@code domainevententry} exactly as stored, not yet deserialized: what the audit export turns into an
 * entry without building Axon's messages (docs/DECISIONS.md 117).
 *
 * @param timestamp the time stamp as Axon stores it, ISO-8601 text
 * @param payload   the payload's JSON, UTF-8
 * @param metadata  the metadata's JSON object, UTF-8
 */
public record StoredEventRow(long globalIndex, String eventId, String aggregateType, String aggregateId,
                             long sequence, String timestamp, String payloadType, String payloadRevision,
                             byte[] payload, byte[] metadata) {
}
