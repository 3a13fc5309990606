package dev.keyledger.query.checkpoint;

import dev.keyledger.query.chain.ChainLinker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Makes the checkpoints: every {@code keyledger.audit.checkpoint-interval} in which events were linked, and on
 * demand. One node writes at a time (a transaction-scoped advisory lock, held while it reads the last checkpoint and
 * inserts the next), so the checkpoints form one chain whatever the number of query-side nodes. Then the copies
 * outside the database catch up. Nothing here runs on the path of a write: the chain linker already runs apart.
 */
@Component
public class CheckpointWriter {

    /** An arbitrary constant no other advisory lock of Keyledger uses (the chain linker's is ...0001). */
    private static final long LOCK_KEY = 0x4b4c_4348_0002L;
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointWriter.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final CheckpointLedger ledger;
    private final AuditKeys keys;
    private final ChainLinker linker;
    private final List<CheckpointCopy> copies;

    CheckpointWriter(JdbcClient jdbc, PlatformTransactionManager transactions, CheckpointLedger ledger,
                     AuditKeys keys, ChainLinker linker, List<CheckpointCopy> copies) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.ledger = ledger;
        this.keys = keys;
        this.linker = linker;
        this.copies = copies;
    }

    @Scheduled(fixedDelayString = "${keyledger.audit.checkpoint-interval:PT1M}",
            initialDelayString = "${keyledger.audit.checkpoint-interval:PT1M}")
    void checkpointOnSchedule() {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            // A database outage, or no audit key yet: the next turn tries again; a checkpoint is late, never lost.
            LOG.warn("audit checkpoint failed, retrying next interval: {}: {}", e.getClass().getName(), e.getMessage());
        }
    }

    /** On demand: links what has committed, then checkpoints it unless the last checkpoint already covers it. */
    public Checkpointed checkpointNow() {
        linker.linkAll();
        return checkpoint();
    }

    /** A checkpoint over every event linked since the last one, if any was; then the copies catch up. */
    Checkpointed checkpoint() {
        Checkpointed result = transaction.execute(status -> writeIfDue());
        catchUpCopies();
        return result;
    }

    private Checkpointed writeIfDue() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK_KEY).query().listOfRows();
        Optional<AuditCheckpoint> last = ledger.latest();
        Optional<ChainHead> head = jdbc.sql("SELECT global_index, link FROM audit_link"
                        + " ORDER BY global_index DESC LIMIT 1")
                .query((row, n) -> new ChainHead(row.getLong("global_index"), row.getBytes("link")))
                .optional();
        long coveredUpTo = last.map(AuditCheckpoint::position).orElse(0L);
        if (head.isEmpty() || head.get().position() <= coveredUpTo) {
            return new Checkpointed(last.orElse(null), false);
        }
        long linkedSince = jdbc.sql("SELECT count(*) FROM audit_link WHERE global_index > ? AND global_index <= ?")
                .params(coveredUpTo, head.get().position())
                .query(Long.class)
                .single();
        AuditKeys.ActiveKey key = keys.active().orElseThrow(NoAuditKey::new);
        AuditCheckpoint unsigned = new AuditCheckpoint(
                head.get().position(),
                last.map(AuditCheckpoint::eventCount).orElse(0L) + linkedSince,
                HexFormat.of().formatHex(head.get().link()),
                last.map(AuditCheckpoint::hash).orElse(null),
                // Milliseconds, as the table keeps them, so the stored row reads back exactly as it was signed.
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                key.kid(),
                null);
        AuditCheckpoint signed = unsigned.signedWith(sign(unsigned.signedContent(), key));
        ledger.insert(signed);
        return new Checkpointed(signed, true);
    }

    private void catchUpCopies() {
        for (CheckpointCopy copy : copies) {
            try {
                copy.catchUp(ledger);
            } catch (RuntimeException e) {
                LOG.warn("checkpoint copy {} is behind, retrying next interval: {}", copy, e.getMessage());
            }
        }
    }

    private static String sign(byte[] content, AuditKeys.ActiveKey key) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key.privateKey());
            ed25519.update(content);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ed25519.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint with audit key " + key.kid(), e);
        }
    }

    /** The chain's last link and its position. */
    private record ChainHead(long position, byte[] link) {
    }
}
