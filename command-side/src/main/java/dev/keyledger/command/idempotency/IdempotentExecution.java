package dev.keyledger.command.idempotency;

import dev.keyledger.infrastructure.crypto.SealedBox;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Runs a request at most once per (caller, Idempotency-Key) for {@link #RETENTION}. The key is claimed, the
 * request executed and its answer stored in one transaction, so a crash leaves either all or nothing, and a second
 * request with the same key waits on the claim and then replays the first answer.
 */
@Component
public class IdempotentExecution {

    public static final Duration RETENTION = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SealedBox box;

    IdempotentExecution(JdbcClient jdbc, TransactionTemplate transaction,
                        @Qualifier("keyEncryptionKey") SecretKey keyEncryptionKey) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.box = new SealedBox(keyEncryptionKey);
    }

    /** The stored answer for this key if the same body came before; otherwise runs {@code request} and stores it. */
    public StoredAnswer execute(String caller, String key, byte[] body, Supplier<StoredAnswer> request) {
        byte[] requestHash = sha256(body);
        byte[] associatedData = (caller + "\n" + key).getBytes(StandardCharsets.UTF_8);
        return transaction.execute(status -> {
            int claimed = jdbc.sql("""
                            INSERT INTO command_idempotency (caller, idempotency_key, request_hash, status, created_at)
                            VALUES (?, ?, ?, 0, now())
                            ON CONFLICT (caller, idempotency_key) DO UPDATE
                               SET request_hash = EXCLUDED.request_hash, status = 0, location = NULL, etag = NULL,
                                   sealed_body = NULL, created_at = now()
                             WHERE command_idempotency.created_at < now() - make_interval(secs => ?)""")
                    .params(caller, key, requestHash, RETENTION.toSeconds())
                    .update();
            if (claimed == 0) {
                return replay(caller, key, requestHash, associatedData);
            }
            StoredAnswer answer = request.get();
            jdbc.sql("""
                            UPDATE command_idempotency SET status = ?, location = ?, etag = ?, sealed_body = ?
                             WHERE caller = ? AND idempotency_key = ?""")
                    .params(answer.status(), answer.location(), answer.etag(),
                            box.seal(answer.body(), associatedData), caller, key)
                    .update();
            return answer;
        });
    }

    private StoredAnswer replay(String caller, String key, byte[] requestHash, byte[] associatedData) {
        return jdbc.sql("""
                        SELECT request_hash, status, location, etag, sealed_body FROM command_idempotency
                         WHERE caller = ? AND idempotency_key = ?""")
                .params(caller, key)
                .query((rs, row) -> {
                    if (!MessageDigest.isEqual(rs.getBytes("request_hash"), requestHash)) {
                        throw new IdempotencyKeyReused();
                    }
                    return new StoredAnswer(rs.getInt("status"), rs.getString("location"), rs.getString("etag"),
                            box.open(rs.getBytes("sealed_body"), associatedData));
                })
                .optional()
                .orElseThrow(() -> new DataIntegrityViolationException("idempotency claim vanished"));
    }

    /** Purges answers past their retention: they hold secrets, sealed or not. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    public void purgeExpired() {
        jdbc.sql("DELETE FROM command_idempotency WHERE created_at < ?")
                .param(java.sql.Timestamp.from(Instant.now().minus(RETENTION)))
                .update();
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
