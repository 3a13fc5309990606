package dev.keyledger.query.integration;

import dev.keyledger.query.checkpoint.AuditCheckpoint;
import dev.keyledger.query.checkpoint.CheckpointCopy;
import dev.keyledger.query.checkpoint.CheckpointLedger;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The checkpoints on the integration topic, as CloudEvents of type {@code dev.keyledger.audit.checkpoint.v1}, all
 * under one key so that they stay in order on one partition. How far the topic has got is a row of
 * {@code audit_checkpoint_publication}, moved only once the broker acknowledged; one node sends at a time (a
 * transaction-scoped advisory lock), so delivery is at least once and in order.
 */
class CheckpointTopicCopy implements CheckpointCopy {

    static final String TARGET = "kafka";
    private static final long LOCK_KEY = 0x4b4c_4348_0003L;
    private static final int BATCH = 100;

    private final EventTopic topic;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    CheckpointTopicCopy(EventTopic topic, JdbcClient jdbc, TransactionTemplate transaction) {
        this.topic = topic;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void catchUp(CheckpointLedger ledger) {
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transaction.execute(status -> sendBatch(ledger)));
        }
    }

    /** Sends the next batch and records it; true when a full batch went, so that more may wait. */
    private boolean sendBatch(CheckpointLedger ledger) {
        boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single();
        if (!mine) {
            return false;
        }
        long sentUpTo = jdbc.sql("SELECT position FROM audit_checkpoint_publication WHERE target = ?")
                .param(TARGET).query(Long.class).optional().orElse(0L);
        List<AuditCheckpoint> missing = ledger.after(sentUpTo, BATCH);
        if (missing.isEmpty()) {
            return false;
        }
        topic.ensureExists();
        List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>(missing.size());
        for (AuditCheckpoint checkpoint : missing) {
            sends.add(topic.send(CloudEventMapper.of(checkpoint)));
        }
        topic.awaitAll(sends);
        jdbc.sql("""
                        INSERT INTO audit_checkpoint_publication (target, position) VALUES (?, ?)
                        ON CONFLICT (target) DO UPDATE SET position = excluded.position""")
                .params(TARGET, missing.get(missing.size() - 1).position())
                .update();
        return missing.size() == BATCH;
    }

    @Override
    public String toString() {
        return "topic " + topic.name();
    }
}
