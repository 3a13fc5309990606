package dev.keyledger.token.accesstoken;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Revoked tokens (RFC 7009), shared by every token-endpoint node through PostgreSQL. Only introspection and the
 * admin API consult it; token issuance never does.
 */
@Component
public class Revocations {

    /** Far beyond any clock skew between nodes, or allowed by a verifier (docs/DECISIONS.md 54). */
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofMinutes(10);

    private final JdbcClient jdbc;

    Revocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void revoke(VerifiedToken token) {
        jdbc.sql("""
                        INSERT INTO token_revocation (jti, client_id, expires_at) VALUES (?, ?, ?)
                        ON CONFLICT (jti) DO NOTHING""")
                .params(token.jti(), token.clientId(), Timestamp.from(token.expiresAt()))
                .update();
    }

    public boolean isRevoked(String jti) {
        return jdbc.sql("SELECT 1 FROM token_revocation WHERE jti = ?").param(jti).query(Integer.class)
                .optional().isPresent();
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
