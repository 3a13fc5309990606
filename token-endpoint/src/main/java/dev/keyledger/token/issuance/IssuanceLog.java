package dev.keyledger.token.issuance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 *
 * <p>No record can stop the others (docs/DECISIONS.md 53): values are fitted to their columns first; a batch PostgreSQL
 * refuses for its content is written again row by row, each row behind a savepoint, and a row it still refuses is set
 * aside (logged without its values, and counted). A batch that fails because of the database itself (down,
 * restarting, out of connections) is kept whole and tried again, before anything newer; {@link #stats()} counts it
 * all.
 */
@Component
public class IssuanceLog {

    private static final Logger LOG = LoggerFactory.getLogger(IssuanceLog.class);
    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final IssuanceLogPartitions partitions;
    private final BlockingQueue<IssuanceRecord> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong setAside = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    /** The batch in hand: taken from the queue, not yet written; only the writer (synchronized) touches it. */
    private List<IssuanceRecord> batch = new ArrayList<>();
    private volatile int batchSize;
    private long droppedReported;
    private boolean databaseAway;

    IssuanceLog(JdbcTemplate jdbc, TransactionTemplate transaction, IssuanceLogPartitions partitions,
                @Value("${keyledger.issuance-log.queue-capacity:500000}") int capacity) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.partitions = partitions;
        this.queue = new LinkedBlockingQueue<>(capacity);
    }

    public void record(IssuanceRecord record) {
        if (!queue.offer(record)) {
            dropped.incrementAndGet();
        }
    }

    public IssuanceLogStats stats() {
        return new IssuanceLogStats(written.get(), setAside.get(), dropped.get(), failedWrites.get(),
                queue.size() + batchSize);
    }

    @Scheduled(fixedDelayString = "${keyledger.token.issuance-log-flush:PT0.1S}")
    public synchronized void flush() {
        reportDropped();
        while (true) {
            if (batch.isEmpty()) {
                queue.drainTo(batch, BATCH);
                batch.replaceAll(IssuanceColumns::fit);
            }
            batchSize = batch.size();
            if (batch.isEmpty() || !write(batch)) {
                return;
            }
            batch = new ArrayList<>();
            batchSize = 0;
        }
    }

    @PreDestroy
    synchronized void flushOnShutdown() {
        flush();
        int lost = queue.size() + batch.size();
        if (lost > 0) {
            LOG.error("issuance log: {} records not written at shutdown, the database was unavailable", lost);
        }
    }

    private void reportDropped() {
        long total = dropped.get();
        if (total > droppedReported) {
            LOG.error("issuance log queue full: {} records dropped ({} since start)", total - droppedReported, total);
            droppedReported = total;
        }
    }

    /** True when the batch is done with (written, or written but for the rows set aside); false to try it again. */
    private boolean write(List<IssuanceRecord> records) {
        try {
            partitions.ensureFor(records, Instant.now());
            transaction.executeWithoutResult(status -> {
                insert(records);
                recordUsage(records);
            });
        } catch (DataAccessException | TransactionException e) {
            WriteFailure failure = WriteFailure.of(e);
            if (!failure.isTheRecords()) {
                databaseAway(failure, e);
                return false;
            }
            return writeOneByOne(records);
        }
        written.addAndGet(records.size());
        databaseBack();
        return true;
    }

    /** One transaction, a savepoint per row: only the rows PostgreSQL refuses are left out. */
    private boolean writeOneByOne(List<IssuanceRecord> records) {
        List<Refused> refused = new ArrayList<>();
        try {
            transaction.executeWithoutResult(status -> {
                refused.clear();
                for (IssuanceRecord record : records) {
                    Object savepoint = status.createSavepoint();
                    try {
                        insert(List.of(record));
                        recordUsage(List.of(record));
                        status.releaseSavepoint(savepoint);
                    } catch (DataAccessException e) {
                        WriteFailure failure = WriteFailure.of(e);
                        if (!failure.isTheRecords()) {
                            throw e;
                        }
                        status.rollbackToSavepoint(savepoint);
                        refused.add(new Refused(record, failure));
                    }
                }
            });
        } catch (DataAccessException | TransactionException e) {
            databaseAway(WriteFailure.of(e), e);
            return false;
        }
        for (Refused row : refused) {
            // Its values stay out of the log: a refused value is by definition one we did not expect.
            LOG.warn("issuance log: record set aside, PostgreSQL refused it (SQLSTATE {}): outcome {} at {}",
                    row.failure().sqlState(), row.record().outcome(), row.record().at());
        }
        setAside.addAndGet(refused.size());
        written.addAndGet(records.size() - refused.size());
        databaseBack();
        return true;
    }

    private void databaseAway(WriteFailure failure, NestedRuntimeException e) {
        failedWrites.incrementAndGet();
        if (!databaseAway) {
            databaseAway = true;
            LOG.warn("issuance log: the database is unavailable (SQLSTATE {}), records are kept and tried again: {}",
                    failure.sqlState(), e.getMostSpecificCause().getMessage());
        }
    }

    private void databaseBack() {
        if (databaseAway) {
            databaseAway = false;
            LOG.info("issuance log: writing again");
        }
    }

    private record Refused(IssuanceRecord record, WriteFailure failure) {
    }

    /**
     * One statement per batch: each column as an array, zipped back into rows by {@code unnest}. Far cheaper for the
     * JVM and for PostgreSQL than a JDBC batch of single-row inserts, so the writer barely competes with signing.
     * Audiences are URIs, which never contain a space, so each row's list travels as one space-separated string.
     */
    private void insert(List<IssuanceRecord> records) {
        int size = records.size();
        String[] at = new String[size];
        String[] clientId = new String[size];
        String[] outcome = new String[size];
        String[] jti = new String[size];
        String[] secretId = new String[size];
        String[] slot = new String[size];
        String[] keyId = new String[size];
        String[] credentialId = new String[size];
        String[] scope = new String[size];
        String[] audience = new String[size];
        String[] sourceAddress = new String[size];
        String[] reason = new String[size];
        for (int i = 0; i < size; i++) {
            IssuanceRecord record = records.get(i);
            at[i] = record.at() == null ? null : record.at().toString();
            clientId[i] = record.clientId();
            outcome[i] = record.outcome() == null ? null : record.outcome().name();
            jti[i] = record.jti();
            secretId[i] = record.secretId();
            slot[i] = record.slot() == null ? null : record.slot().name();
            keyId[i] = record.keyId();
            credentialId[i] = record.federatedCredentialId();
            scope[i] = record.scope();
            audience[i] = record.audience() == null ? null : String.join(" ", record.audience());
            sourceAddress[i] = record.sourceAddress();
            reason[i] = record.reason();
        }
        jdbc.update("""
                INSERT INTO token_issuance_log (at, client_id, outcome, jti, secret_id, slot, key_id, credential_id,
                                                scope, audience, source_address, reason)
                SELECT at::timestamptz, client_id, outcome, jti, secret_id, slot, key_id, credential_id, scope,
                       string_to_array(audience, ' '), source_address, reason
                  FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                              ?::text[], ?::text[], ?::text[], ?::text[])
                       AS r(at, client_id, outcome, jti, secret_id, slot, key_id, credential_id, scope, audience,
                            source_address, reason)""",
                at, clientId, outcome, jti, secretId, slot, keyId, credentialId, scope, audience, sourceAddress,
                reason);
    }

    /**
     * In the order of the credentials' ids (a secret's, a key's or a federated credential's), so that two nodes'
     * writers never lock the same rows in opposite orders.
     */
    private void recordUsage(List<IssuanceRecord> records) {
        Map<String, IssuanceRecord> latestPerSecret = new HashMap<>();
        for (IssuanceRecord record : records) {
            if (record.outcome() == Outcome.ISSUED && record.credentialId() != null && record.at() != null) {
                latestPerSecret.merge(record.credentialId(), record,
                        (a, b) -> a.at().isAfter(b.at()) ? a : b);
            }
        }
        List<Object[]> rows = latestPerSecret.values().stream()
                .sorted(Comparator.comparing(IssuanceRecord::credentialId))
                .map(record -> new Object[]{record.credentialId(), record.clientId(), Timestamp.from(record.at())})
                .toList();
        jdbc.batchUpdate("""
                INSERT INTO token_secret_usage (secret_id, client_id, last_used_at) VALUES (?, ?, ?)
                ON CONFLICT (secret_id) DO UPDATE SET last_used_at = GREATEST(token_secret_usage.last_used_at,
                                                                              EXCLUDED.last_used_at)""", rows);
    }
}
