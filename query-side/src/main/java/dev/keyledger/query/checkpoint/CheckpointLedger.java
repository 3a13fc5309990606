package dev.keyledger.query.checkpoint;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The checkpoints as {@code audit_checkpoint} holds them, oldest first: what the API, the copies and exports read. */
@Component
public class CheckpointLedger {

    private static final String COLUMNS = "position, event_count, head_hash, previous_checkpoint_hash, created_at,"
            + " key_id, signature";
    private static final RowMapper<AuditCheckpoint> ROW = (rs, n) -> new AuditCheckpoint(
            rs.getLong("position"),
            rs.getLong("event_count"),
            rs.getString("head_hash"),
            rs.getString("previous_checkpoint_hash"),
            rs.getTimestamp("created_at").toInstant().toString(),
            rs.getString("key_id"),
            rs.getString("signature"));

    private final JdbcClient jdbc;

    CheckpointLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} checkpoints after position {@code after}, in order. */
    public List<AuditCheckpoint> after(long after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_checkpoint WHERE position > ? ORDER BY position LIMIT ?")
                .params(after, limit)
                .query(ROW)
                .list();
    }

    public Optional<AuditCheckpoint> latest() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY position DESC LIMIT 1")
                .query(ROW)
                .optional();
    }

    void insert(AuditCheckpoint checkpoint) {
        jdbc.sql("INSERT INTO audit_checkpoint (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(checkpoint.position(), checkpoint.eventCount(), checkpoint.headHash(),
                        checkpoint.previousCheckpointHash(), Timestamp.from(Instant.parse(checkpoint.createdAt())),
                        checkpoint.keyId(), checkpoint.signature())
                .update();
    }
}
