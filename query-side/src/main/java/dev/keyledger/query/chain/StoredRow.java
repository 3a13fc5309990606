package dev.keyledger.query.chain;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of {@code domainevententry} exactly as stored: what a chain link covers. */
record StoredRow(long globalIndex, String eventId, String aggregateId, long sequence, String aggregateType,
                 String payloadType, String payloadRevision, String timestamp, byte[] payload, byte[] metadata) {

    static final String COLUMNS = "globalindex, eventidentifier, aggregateidentifier, sequencenumber, type, "
            + "payloadtype, payloadrevision, timestamp, payload, metadata";

    static StoredRow of(ResultSet row) throws SQLException {
        return new StoredRow(row.getLong("globalindex"), row.getString("eventidentifier"),
                row.getString("aggregateidentifier"), row.getLong("sequencenumber"), row.getString("type"),
                row.getString("payloadtype"), row.getString("payloadrevision"), row.getString("timestamp"),
                row.getBytes("payload"), row.getBytes("metadata"));
    }
}
