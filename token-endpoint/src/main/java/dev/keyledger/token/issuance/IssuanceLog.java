package dev.keyledger.token.issuance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The token issuance log (DESIGN.md decision 5). The token path only enqueues a record in memory; a background
 * writer inserts them in batches and keeps each secret's {@code lastUsedAt}. If PostgreSQL cannot keep up, the
 * queue fills and further records are dropped and counted, rather than slowing token issuance down.
 */
@Component
public class IssuanceLog {

    private static final Logger LOG = LoggerFactory.getLogger(IssuanceLog.class);
    private static final int CAPACITY = 500_000;
    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final BlockingQueue<IssuanceRecord> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();

    IssuanceLog(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public void record(IssuanceRecord record) {
        if (!queue.offer(record)) {
            dropped.incrementAndGet();
        }
    }

    @Scheduled(fixedDelayString = "${keyledger.token.issuance-log-flush:PT0.1S}")
    public void flush() {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            LOG.error("issuance log queue full: {} records dropped", lost);
        }
        List<IssuanceRecord> batch = new ArrayList<>();
        while (queue.drainTo(batch, BATCH) > 0) {
            try {
                transaction.executeWithoutResult(status -> write(batch));
            } catch (DataAccessException e) {
                LOG.warn("issuance log write failed, retrying later: {}", e.getMessage());
                batch.forEach(queue::offer);
                return;
            }
            batch.clear();
        }
    }

    @PreDestroy
    void flushOnShutdown() {
        flush();
    }

    /**
     * One statement per batch: each column as an array, zipped back into rows by {@code unnest}. Far cheaper for the
     * JVM and for PostgreSQL than a JDBC batch of single-row inserts, so the writer barely competes with signing.
     * Audiences are URIs, which never contain a space, so each row's list travels as one space-separated string.
     */
    private void write(List<IssuanceRecord> batch) {
        int size = batch.size();
        String[] at = new String[size];
        String[] clientId = new String[size];
        String[] outcome = new String[size];
        String[] jti = new String[size];
        String[] secretId = new String[size];
        String[] slot = new String[size];
        String[] scope = new String[size];
        String[] audience = new String[size];
        String[] sourceAddress = new String[size];
        String[] reason = new String[size];
        for (int i = 0; i < size; i++) {
            IssuanceRecord record = batch.get(i);
            at[i] = record.at().toString();
            clientId[i] = record.clientId();
            outcome[i] = record.outcome().name();
            jti[i] = record.jti();
            secretId[i] = record.secretId();
            slot[i] = record.slot() == null ? null : record.slot().name();
            scope[i] = record.scope();
            audience[i] = record.audience() == null ? null : String.join(" ", record.audience());
            sourceAddress[i] = record.sourceAddress();
            reason[i] = record.reason();
        }
        jdbc.update("""
                INSERT INTO token_issuance_log (at, client_id, outcome, jti, secret_id, slot, scope, audience,
                                                source_address, reason)
                SELECT at::timestamptz, client_id, outcome, jti, secret_id, slot, scope, string_to_array(audience, ' '),
                       source_address, reason
                  FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                              ?::text[], ?::text[], ?::text[])
                       AS r(at, client_id, outcome, jti, secret_id, slot, scope, audience, source_address, reason)""",
                at, clientId, outcome, jti, secretId, slot, scope, audience, sourceAddress, reason);
        recordUsage(batch);
    }

    private void recordUsage(List<IssuanceRecord> batch) {
        Map<String, IssuanceRecord> latestPerSecret = new HashMap<>();
        for (IssuanceRecord record : batch) {
            if (record.outcome() == Outcome.ISSUED) {
                latestPerSecret.merge(record.secretId(), record,
                        (a, b) -> a.at().isAfter(b.at()) ? a : b);
            }
        }
        List<Object[]> rows = latestPerSecret.values().stream()
                .map(record -> new Object[]{record.secretId(), record.clientId(), Timestamp.from(record.at())})
                .toList();
        jdbc.batchUpdate("""
                INSERT INTO token_secret_usage (secret_id, client_id, last_used_at) VALUES (?, ?, ?)
                ON CONFLICT (secret_id) DO UPDATE SET last_used_at = GREATEST(token_secret_usage.last_used_at,
                                                                              EXCLUDED.last_used_at)""", rows);
    }
}
