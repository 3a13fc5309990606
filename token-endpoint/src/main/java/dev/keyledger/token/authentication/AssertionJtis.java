package dev.keyledger.token.authentication;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code jti}s of accepted assertions, shared by every token-endpoint node through PostgreSQL: the first insert
 * of a (client, jti) pair wins, any later one, on any node, is a replay. Rows live until their assertion expires;
 * then a node deletes them (at most once a {@link #PURGE_EVERY}), so the table stays bounded by the rate of
 * assertions times their maximum lifetime, and no node holds them in memory.
 */
@Component
public class AssertionJtis {

    static final Duration PURGE_EVERY = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final AtomicLong lastPurge = new AtomicLong();

    public AssertionJtis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether this is the first use of the pair; if so it is recorded until {@code expiresAt}. The insert commits
     * without waiting for the WAL to reach the disk ({@code synchronous_commit} off for this one transaction):
     * waiting for a flush capped assertions at a few hundred a second. A crash of PostgreSQL may forget the last
     * fraction of a second of jtis, whose assertions live at most minutes (docs/DECISIONS.md 109).
     */
    public boolean firstUse(String clientId, String jti, Instant expiresAt, Instant now) {
        purgeExpired(now);
        return jdbc.sql("""
                        INSERT INTO token_assertion_jti (client_id, jti, expires_at)
                        SELECT ?, ?, ? FROM (SELECT set_config('synchronous_commit', 'off', true)) AS asynchronous
                        ON CONFLICT (client_id, jti) DO NOTHING""")
                .params(clientId, jti, Timestamp.from(expiresAt))
                .update() == 1;
    }

    private void purgeExpired(Instant now) {
        long last = lastPurge.get();
        if (now.toEpochMilli() - last >= PURGE_EVERY.toMillis() && lastPurge.compareAndSet(last, now.toEpochMilli())) {
            jdbc.sql("DELETE FROM token_assertion_jti WHERE expires_at < ?").param(Timestamp.from(now)).update();
        }
    }
}
