package dev.keyledger.token.authentication;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code jti}s of accepted assertions, shared by every token-endpoint node through PostgreSQL: the first insert
 * of a (client, jti) pair wins, any later one, on any node, is a replay. Rows live until their assertion expires and
 * then for a margin of the clock skew forgiven plus the maximum lifetime, so that a node whose clock is behind the
 * purging node's still finds the row of an assertion it thinks alive; then a node deletes them (at most once a
 * {@link #PURGE_EVERY}), so the table stays bounded by the rate of assertions times twice their maximum lifetime, and
 * no node holds them in memory.
 */
@Component
public class AssertionJtis {

    static final Duration PURGE_EVERY = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Duration keptAfterExpiry;
    private final AtomicLong lastPurge = new AtomicLong();

    public AssertionJtis(JdbcClient jdbc, @Value("${keyledger.assertion.max-lifetime:PT5M}") Duration maxLifetime) {
        this.jdbc = jdbc;
        this.keptAfterExpiry = AssertionAuthenticator.CLOCK_SKEW.plus(maxLifetime);
    }

    /**
     * Whether this is the first use of the pair while its assertion lives; if so it is recorded until
     * {@code expiresAt} and the margin. An assertion already expired at {@code now} is never a first use: it may have
     * expired while it waited between its verification and this call, and its row may be gone. The insert commits
     * without waiting for the WAL to reach the disk ({@code synchronous_commit} off for this one transaction):
     * waiting for a flush capped assertions at a few hundred a second. A crash of PostgreSQL may forget the last
     * fraction of a second of jtis, whose assertions live at most minutes (docs/DECISIONS.md 109).
     */
    public boolean firstUse(String clientId, String jti, Instant expiresAt, Instant now) {
        if (!expiresAt.isAfter(now)) {
            return false;
        }
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
            jdbc.sql("DELETE FROM token_assertion_jti WHERE expires_at < ?")
                    .param(Timestamp.from(now.minus(keptAfterExpiry)))
                    .update();
        }
    }
}
