package dev.keyledger.query.chain;

import dev.keyledger.infrastructure.thread.DaemonThreads;
import dev.keyledger.kernel.audit.chain.ChainRule;
import dev.keyledger.query.processing.AppendNotifications;
import dev.keyledger.query.processing.SpacedRuns;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Extends the audit chain over new events, strictly in global order. Not an Axon streaming processor: those deliver
 * an event that commits late (a lower position filled in after a higher one) after the higher one, and the chain
 * must follow positions, not delivery. So the linker reads {@code domainevententry} itself, links every row whose
 * predecessors are all known, and passes a hole in the positions only once {@link GapWatch} says it is final.
 *
 * <p>Each link covers the stored digest that the appending transaction wrote ({@code audit_append_digest}), not the
 * row as the linker finds it: an edit between append and link breaks the chain like any later edit. The digests
 * are dropped once linked. One node links at a time (a transaction-scoped advisory lock); the others skip their turn.
 *
 * <p>It links as soon as an append anywhere commits (the event store's notification, docs/DECISIONS.md 44), on a
 * thread of its own, and every {@code keyledger.audit.chain-interval} besides, for a notification that was missed.
 * Under a stream of appends it links at most once per {@code keyledger.audit.chain-prompt-spacing}, each run
 * linking all that came meanwhile (docs/DECISIONS.md 129).
 */
@Component
public class ChainLinker {

    private static final Logger LOG = LoggerFactory.getLogger(ChainLinker.class);
    /** An arbitrary constant that no other advisory lock of Keyledger uses. */
    private static final long LOCK_KEY = 0x4b4c_4348_0001L;
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final GapWatch gaps;
    private final ChainAnchor anchor;
    private final ExportedEntries entries;
    private final int batchSize;
    private final ScheduledExecutorService linkerThread = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("audit-chain-linker"));
    private final SpacedRuns prompt;

    ChainLinker(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions, ExportedEntries entries,
                AppendNotifications appends, @Value("${keyledger.audit.chain-batch-size:2000}") int batchSize,
                @Value("${keyledger.audit.chain-prompt-spacing:PT0.05S}") Duration promptSpacing) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.transaction = new TransactionTemplate(transactions);
        this.gaps = new GapWatch(jdbc);
        this.anchor = new ChainAnchor(jdbc);
        this.entries = entries;
        this.batchSize = batchSize;
        this.prompt = new SpacedRuns(this::linkPrompted, promptSpacing, linkerThread);
        appends.onAppend(prompt::prompt);
    }

    private void linkPrompted() {
        try {
            linkAll();
        } catch (RuntimeException e) {
            // The schedule links them at its next turn.
            LOG.debug("prompt audit chain linking failed: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        linkerThread.shutdownNow();
    }

    @Scheduled(fixedDelayString = "${keyledger.audit.chain-interval:PT0.5S}")
    void linkOnSchedule() {
        linkAll();
    }

    /**
     * Links every event that can be linked now; returns how many were linked. Only a full batch is followed by
     * another: a shorter one ended at the last event visible or at a hole still open, which another read at once
     * would find again, so each append costs one linking transaction, not two (docs/DECISIONS.md 128).
     */
    public synchronized long linkAll() {
        long total = 0;
        int linked;
        do {
            linked = transaction.execute(status -> linkBatch());
            total += linked;
        } while (linked == batchSize);
        return total;
    }

    private int linkBatch() {
        boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single();
        if (!mine) {
            return 0;
        }
        ChainHead head = jdbc.sql("SELECT global_index, link FROM audit_link ORDER BY global_index DESC LIMIT 1")
                .query((row, n) -> new ChainHead(row.getLong("global_index"), row.getBytes("link")))
                .optional()
                .orElseGet(() -> new ChainHead(0, anchor.genesis()));
        List<AppendedRow> rows = jdbc.sql("SELECT e.globalindex, e.eventidentifier, e.aggregateidentifier,"
                        + " e.sequencenumber, e.type, e.payloadtype, e.payloadrevision, e.timestamp, e.payload,"
                        + " e.metadata, d.stored_digest AS append_digest FROM domainevententry e"
                        + " LEFT JOIN audit_append_digest d ON d.global_index = e.globalindex"
                        + " WHERE e.globalindex > ? ORDER BY e.globalindex LIMIT ?")
                .params(head.position(), batchSize)
                .query((row, n) -> new AppendedRow(StoredRow.of(row), row.getBytes("append_digest")))
                .list();
        List<Long> positions = new ArrayList<>();
        List<String> links = new ArrayList<>();
        long position = head.position();
        byte[] link = head.link();
        for (AppendedRow appended : rows) {
            StoredRow row = appended.row();
            if (row.globalIndex() != position + 1 && !holeIsFinal(position, row.globalIndex())) {
                break;
            }
            link = ChainRule.link(link, appended.storedDigest(), entryDigest(row));
            position = row.globalIndex();
            positions.add(position);
            links.add(HEX.formatHex(link));
        }
        if (positions.isEmpty()) {
            return 0;
        }
        store(positions, links, position);
        gaps.passed(position);
        return positions.size();
    }

    /**
     * The batch's links stored and the digests they consumed deleted, in one statement: under a stream of appends a
     * run links a couple of events, and row by row each of them cost a statement (docs/DECISIONS.md 133).
     */
    private void store(List<Long> positions, List<String> links, long through) {
        jdbc.sql("""
                        WITH linked AS (
                            INSERT INTO audit_link (global_index, link)
                            SELECT position, decode(link, 'hex')
                            FROM unnest(?::bigint[], ?::text[]) AS l(position, link)
                        )
                        DELETE FROM audit_append_digest WHERE global_index <= ?""")
                .params(positions.toArray(Long[]::new), links.toArray(String[]::new), through)
                .update();
    }

    /** An unreadable row is linked as the JSON {@code null}: the chain goes on, and verification flags the row. */
    private byte[] entryDigest(StoredRow row) {
        try {
            return ChainRule.entryDigest(entries.of(row));
        } catch (UnreadableEvent e) {
            return ChainRule.entryDigest(null);
        }
    }

    /**
     * Whether the positions strictly between {@code before} and {@code after} will never hold an event. Once the
     * hole is final, its event has committed or never will; read again, in case it committed a moment ago.
     */
    private boolean holeIsFinal(long before, long after) {
        return gaps.isFinal(before + 1) && jdbc.sql(
                        "SELECT count(*) FROM domainevententry WHERE globalindex > ? AND globalindex < ?")
                .params(before, after)
                .query(Long.class)
                .single() == 0;
    }

    /** The last link and its position; before the first event, position 0 and the genesis. */
    record ChainHead(long position, byte[] link) {
    }

    /**
     * A row and the digest its appending transaction wrote; events appended before that digest existed (or whose
     * digest is gone) are linked as they are found.
     */
    private record AppendedRow(StoredRow row, byte[] appendDigest) {

        byte[] storedDigest() {
            return appendDigest != null ? appendDigest : row.storedDigest();
        }
    }
}
