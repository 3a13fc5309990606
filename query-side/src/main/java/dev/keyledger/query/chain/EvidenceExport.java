package dev.keyledger.query.chain;

import dev.keyledger.kernel.audit.chain.ChainRule;
import dev.keyledger.query.eventstore.ExportConnections;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/audit/evidence}: a header with the link before the range, the checkpoints from the last one at
 * or before the range to the first one that covers its end, the events of the range with their links, digests only
 * for the positions after the range up to that checkpoint, and a closing line (docs/AUDIT-EVIDENCE.md). Read in one snapshot, streamed
 * on an export connection: memory does not grow with the range.
 */
@Component
public class EvidenceExport {

    public static final String FORMAT = "keyledger-audit-evidence/1";
    private static final HexFormat HEX = HexFormat.of();

    private final ExportConnections connections;
    private final ExportedEntries entries;

    EvidenceExport(ExportConnections connections, ExportedEntries entries) {
        this.connections = connections;
        this.entries = entries;
    }

    /** Positions from {@code from} inclusive to {@code to} exclusive; null for the start or the chain's head. */
    public void write(Long from, Long to, OutputStream out) {
        connections.inSlot(pool -> inSnapshot(pool, from, to, new EvidenceLines(out)));
    }

    private void inSnapshot(DataSource pool, Long from, Long to, EvidenceLines lines) {
        TransactionTemplate snapshot = new TransactionTemplate(new DataSourceTransactionManager(pool));
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        JdbcTemplate streaming = new JdbcTemplate(pool);
        streaming.setFetchSize(500);
        JdbcClient jdbc = JdbcClient.create(streaming);
        snapshot.executeWithoutResult(status -> {
            long head = jdbc.sql("SELECT coalesce(max(global_index), 0) FROM audit_link").query(Long.class).single();
            long first = from == null ? 1 : from;
            long rangeEnd = to == null ? head : Math.min(to - 1, head);
            Map<String, Object> before = jdbc.sql("SELECT global_index, link FROM audit_link WHERE global_index < ?"
                            + " ORDER BY global_index DESC LIMIT 1")
                    .param(first)
                    .query((row, n) -> Map.<String, Object>of("position", row.getLong(1), "link", row.getBytes(2)))
                    .optional()
                    .orElse(Map.of());
            long previousPosition = (Long) before.getOrDefault("position", 0L);
            byte[] previousLink = (byte[]) before.getOrDefault("link", genesis(jdbc));
            long previousCount = jdbc.sql("SELECT count(*) FROM audit_link WHERE global_index <= ?")
                    .param(previousPosition).query(Long.class).single();
            List<Map<String, Object>> checkpoints = checkpoints(jdbc, previousPosition, rangeEnd);
            long coveredTo = Math.max(rangeEnd, checkpoints.isEmpty() ? rangeEnd
                    : (Long) checkpoints.get(checkpoints.size() - 1).get("position"));

            lines.header(header(jdbc, from, to, previousPosition, previousLink, previousCount));
            // Before the events, so that a verifier checks them against the checkpoints in one pass.
            checkpoints.forEach(lines::checkpoint);
            ChainRow.walk(streaming, "audit_link", previousPosition, coveredTo, row -> {
                if (row.position() <= rangeEnd) {
                    event(row, lines);
                } else {
                    link(row, lines);
                }
            });
            lines.end();
        });
    }

    private Map<String, Object> header(JdbcClient jdbc, Long from, Long to, long previousPosition, byte[] previousLink,
                                       long previousCount) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("from", from);
        header.put("to", to);
        header.put("previousPosition", previousPosition);
        header.put("previousLink", HEX.formatHex(previousLink));
        header.put("previousEventCount", previousCount);
        header.put("anchor", ChainAnchor.recorded(jdbc).map(anchor -> Map.<String, Object>of(
                "legacyPosition", anchor.legacyPosition(),
                "legacyHeadHash", HEX.formatHex(anchor.legacyHead()))).orElse(null));
        return header;
    }

    private void event(ChainRow row, EvidenceLines lines) {
        if (row.row() == null) {
            lines.event(row.position(), null, null, row.link());
            return;
        }
        Map<String, Object> entry;
        try {
            entry = entries.of(row.row());
        } catch (UnreadableEvent e) {
            entry = null;
        }
        lines.event(row.position(), entry, row.row().storedDigest(), row.link());
    }

    private void link(ChainRow row, EvidenceLines lines) {
        if (row.row() == null) {
            lines.link(row.position(), null, null, row.link());
            return;
        }
        byte[] entryDigest;
        try {
            entryDigest = ChainRule.entryDigest(entries.of(row.row()));
        } catch (UnreadableEvent e) {
            entryDigest = null;
        }
        lines.link(row.position(), entryDigest, row.row().storedDigest(), row.link());
    }

    private static byte[] genesis(JdbcClient jdbc) {
        return ChainAnchor.recorded(jdbc)
                .map(anchor -> ChainRule.reanchoredGenesis(anchor.legacyPosition(), anchor.legacyHead()))
                .orElse(ChainRule.GENESIS);
    }

    /**
     * The checkpoints from the last one at or before {@code previousPosition} to the first one at or after
     * {@code rangeEnd}, in the API's shape. Read from {@code audit_checkpoint}, which the checkpoint writer owns.
     */
    private static List<Map<String, Object>> checkpoints(JdbcClient jdbc, long previousPosition, long rangeEnd) {
        return jdbc.sql("""
                        SELECT position, event_count, head_hash, previous_checkpoint_hash, created_at, key_id, signature
                        FROM audit_checkpoint
                        WHERE position >= coalesce((SELECT max(position) FROM audit_checkpoint WHERE position <= ?), 0)
                          AND position <= coalesce((SELECT min(position) FROM audit_checkpoint WHERE position >= ?),
                                                   (SELECT max(position) FROM audit_checkpoint))
                        ORDER BY position""")
                .params(previousPosition, rangeEnd)
                .query((row, n) -> {
                    Map<String, Object> checkpoint = new LinkedHashMap<>();
                    checkpoint.put("position", row.getLong("position"));
                    checkpoint.put("eventCount", row.getLong("event_count"));
                    checkpoint.put("headHash", row.getString("head_hash"));
                    checkpoint.put("previousCheckpointHash", row.getString("previous_checkpoint_hash"));
                    checkpoint.put("createdAt", row.getObject("created_at", OffsetDateTime.class)
                            .toInstant().toString());
                    checkpoint.put("keyId", row.getString("key_id"));
                    checkpoint.put("signature", row.getString("signature"));
                    return checkpoint;
                })
                .list();
    }
}
