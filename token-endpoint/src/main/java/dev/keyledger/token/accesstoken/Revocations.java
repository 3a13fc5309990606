package dev.keyledger.token.accesstoken;

import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Revoked tokens (RFC 7009), shared by every token-endpoint node through PostgreSQL. Only introspection and the
 * admin API consult it; token issuance never does. Introspection asks PostgreSQL every time; the admin API asks once
 * per token until a revocation is stored anywhere ({@link RevocationMemory}).
 */
@Component
public class Revocations {

    /** Far beyond any clock skew between nodes, or allowed by a verifier (docs/DECISIONS.md 54). */
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final RevocationMemory memory;

    @Autowired
    Revocations(JdbcClient jdbc) {
        this(jdbc, new RevocationMemory(Ticker.systemTicker()));
    }

    Revocations(JdbcClient jdbc, RevocationMemory memory) {
        this.jdbc = jdbc;
        this.memory = memory;
    }

    public void revoke(VerifiedToken token) {
        jdbc.sql("""
                        INSERT INTO token_revocation (jti, client_id, expires_at) VALUES (?, ?, ?)
                        ON CONFLICT (jti) DO NOTHING""")
                .params(token.jti(), token.clientId(), Timestamp.from(token.expiresAt()))
                .update();
        memory.forgetAll();
    }

    /** Asks PostgreSQL. */
    public boolean isRevoked(String jti) {
        return jdbc.sql("SELECT 1 FROM token_revocation WHERE jti = ?").param(jti).query(Integer.class)
                .optional().isPresent();
    }

    /**
     * As {@link #isRevoked}, remembered: a revocation stored on this node counts at once, one stored on another node
     * once its notification arrives ({@link #revokedElsewhere()}), and within {@link RevocationMemory#KEPT_FOR} if
     * that notification is lost.
     */
    public boolean isRevokedAsRemembered(String jti) {
        return memory.isRevoked(jti, this::isRevoked);
    }

    /** A node stored a revocation (channel {@code keyledger_revocation}), or a notification may have been missed. */
    public void revokedElsewhere() {
        memory.forgetAll();
    }

    /**
     * Once its token has expired, expiry alone refuses it, so the revocation goes. Not at the second of expiry: a node
     * whose clock is behind, or a verifier that allows some clock skew, still takes the token for a moment, and for
     * that moment the revocation must still be there. Every token-endpoint node runs this; a row two nodes delete at
     * once is deleted once (the second waits for the first and finds nothing), so no lock is needed.
     */
    @Scheduled(fixedDelayString = "${keyledger.revocations.purge-interval:PT10M}", initialDelayString = "PT1M")
    public void forgetExpired() {
        forgetExpired(Instant.now());
    }

    /** How many revocations were forgotten. */
    int forgetExpired(Instant now) {
        return jdbc.sql("DELETE FROM token_revocation WHERE expires_at < ?")
                .param(Timestamp.from(now.minus(KEPT_AFTER_EXPIRY)))
                .update();
    }
}
