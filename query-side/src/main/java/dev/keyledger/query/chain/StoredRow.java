package dev.keyledger.query.chain;

import dev.keyledger.kernel.audit.chain.ChainRule;
import dev.keyledger.query.eventstore.StoredEventRow;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /** The row as the event store's readers take it. */
    StoredEventRow event() {
        return new StoredEventRow(globalIndex, eventId, aggregateType, aggregateId, sequence, timestamp, payloadType,
                payloadRevision, payload, metadata);
    }

    /**
     * SHA-256 of the stored form that the append trigger hashes too ({@code keyledger_stored_form} in
     * {@code db/eventstore/V3__append_digest.sql}, built by the trigger as V4 has it):
     * the columns but the global position, each length-prefixed. The two must agree byte for byte.
     */
    byte[] storedDigest() {
        return ChainRule.sha256().digest(storedForm());
    }

    /** The stored form: also the legacy chain's form after its leading global position. */
    byte[] storedForm() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + length(payload) + length(metadata));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            field(out, eventId);
            field(out, aggregateId);
            out.writeLong(sequence);
            field(out, aggregateType);
            field(out, payloadType);
            field(out, payloadRevision);
            field(out, timestamp);
            field(out, payload);
            field(out, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void field(DataOutputStream out, String value) throws IOException {
        field(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Length -1 for null, so that null and empty differ. */
    private static void field(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }
}
