package dev.keyledger.token.token;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Revoked tokens (RFC 7009), shared by every token-endpoint node through PostgreSQL. Only introspection and the
 * admin API consult it; token issuance never does.
 */
@Component
public class Revocations {

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

    /** A revocation outlives its token by nothing: once the token has expired, expiry alone refuses it. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    public void forgetExpired() {
        jdbc.sql("DELETE FROM token_revocation WHERE expires_at < ?").param(Timestamp.from(Instant.now())).update();
    }
}
