package dev.keyledger.query.chain;

import dev.keyledger.kernel.audit.chain.ChainRule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Recomputes the audit chain from the stored events and compares every link. It walks the chain's positions and
 * the event rows together, so a row edited, deleted, moved or slipped in between is found, and reports the first
 * position at fault. A re-anchored store's legacy chain is walked too, by its own rule, up to where it ended, and
 * the anchor must still commit to its head. Every checkpoint the store holds must still name the chain's link and
 * event count at its position: links recomputed wholesale after an edit agree with themselves, not with a checkpoint
 * signed before (the offline verifier, with the published copies, also sees checkpoints deleted since). Events newer
 * than the chain's head are counted apart, never judged.
 */
@Component
public class ChainVerifier {

    private final JdbcTemplate streaming;
    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final ChainLinker linker;
    private final ExportedEntries entries;

    ChainVerifier(DataSource dataSource, PlatformTransactionManager transactions, ChainLinker linker,
                  ExportedEntries entries) {
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.jdbc = JdbcClient.create(streaming);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.linker = linker;
        this.entries = entries;
    }

    public ChainVerdict verify() {
        linker.linkAll();
        return snapshot.execute(status -> walk());
    }

    private ChainVerdict walk() {
        Walk legacy = legacy();
        byte[] genesis = ChainAnchor.recorded(jdbc)
                .map(anchor -> ChainRule.reanchoredGenesis(anchor.legacyPosition(), anchor.legacyHead()))
                .orElse(ChainRule.GENESIS);
        long head = jdbc.sql("SELECT coalesce(max(global_index), 0) FROM audit_link").query(Long.class).single();
        Walk walk = new Walk(genesis);
        ChainRow.walk(streaming, "audit_link", 0, head, row -> walk.judge(row, this::link));
        long unlinked = jdbc.sql("SELECT count(*) FROM domainevententry WHERE globalindex > ?").param(head)
                .query(Long.class).single();
        Long firstBroken = earliest(earliest(legacy.firstBroken, walk.firstBroken), firstCheckpointDisowned());
        return new ChainVerdict(firstBroken == null, walk.checked,
                walk.checked == 0 ? null : HexFormat.of().formatHex(walk.previous), firstBroken, unlinked);
    }

    /** The first checkpoint whose head or count is not the chain's at its position any more, if one is. */
    private Long firstCheckpointDisowned() {
        return jdbc.sql("WITH chain AS (SELECT global_index, link, row_number() OVER (ORDER BY global_index) AS count"
                        + " FROM audit_link)"
                        + " SELECT min(c.position) FROM audit_checkpoint c"
                        + " LEFT JOIN chain l ON l.global_index = c.position"
                        + " WHERE l.link IS NULL OR encode(l.link, 'hex') <> c.head_hash OR l.count <> c.event_count")
                .query(Long.class).optional().orElse(null);
    }

    private static Long earliest(Long one, Long other) {
        return one == null ? other : other == null ? one : Long.valueOf(Math.min(one, other));
    }

    /**
     * The legacy chain of a re-anchored store, by its own rule; a legacy chain without an anchor is not walked (the
     * linker anchors on it first). Its head must still be the one the anchor recorded.
     */
    private Walk legacy() {
        Walk walk = new Walk(LegacyLinks.GENESIS);
        ChainAnchor.recorded(jdbc).ifPresent(anchor -> {
            ChainRow.walk(streaming, "audit_chain", 0, anchor.legacyPosition(),
                    row -> walk.judge(row, (previous, stored) -> LegacyLinks.next(previous, stored)));
            if (!MessageDigest.isEqual(walk.previous, anchor.legacyHead())) {
                walk.broken(anchor.legacyPosition());
            }
        });
        return walk;
    }

    private byte[] link(byte[] previous, StoredRow row) {
        return ChainRule.link(previous, row.storedDigest(), ChainRule.entryDigest(entries.of(row)));
    }

    /** A chain rule: the link of a row after a previous link. */
    private interface Rule {

        byte[] link(byte[] previous, StoredRow row);
    }

    /** The state of one verification pass. */
    private static final class Walk {

        private byte[] previous;
        private long checked;
        private Long firstBroken;

        Walk(byte[] genesis) {
            this.previous = genesis;
        }

        void judge(ChainRow row, Rule rule) {
            if (row.link() == null) {
                broken(row.position());
                return;
            }
            checked++;
            if (row.row() == null || !matches(row, rule)) {
                broken(row.position());
            }
            // Go on from the stored link, so that each later link is judged on its own.
            previous = row.link();
        }

        private boolean matches(ChainRow row, Rule rule) {
            try {
                return MessageDigest.isEqual(rule.link(previous, row.row()), row.link());
            } catch (UnreadableEvent e) {
                return false;
            }
        }

        void broken(long position) {
            if (firstBroken == null) {
                firstBroken = position;
            }
        }
    }
}
