package dev.keyledger.query.chain;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides when a missing global position is a hole for good. A position is missing either because the transaction
 * that drew it rolled back (a hole forever) or because it has not committed yet (its event will appear). The
 * transaction holding it was writing {@code domainevententry} when the hole was first seen, so once no transaction
 * that started by then is still writing that table, the hole is final: the chain may link past it.
 *
 * <p>Kept in memory: a node that takes over the linking simply looks at the holes afresh.
 */
final class GapWatch {

    private final JdbcClient jdbc;
    private final Map<Long, OffsetDateTime> firstSeen = new HashMap<>();

    GapWatch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the hole starting at {@code position} is final. The caller reads the rows again afterwards. */
    boolean isFinal(long position) {
        OffsetDateTime seen = firstSeen.computeIfAbsent(position, p -> jdbc.sql("SELECT clock_timestamp()")
                .query(OffsetDateTime.class).single());
        long olderWriters = jdbc.sql("""
                        SELECT count(*) FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
                        WHERE l.relation = 'domainevententry'::regclass AND l.mode = 'RowExclusiveLock'
                          AND l.pid <> pg_backend_pid() AND (a.xact_start IS NULL OR a.xact_start <= ?)""")
                .param(seen)
                .query(Long.class)
                .single();
        return olderWriters == 0;
    }

    /** Forgets holes the chain has passed. */
    void passed(long head) {
        firstSeen.keySet().removeIf(position -> position <= head);
    }
}
