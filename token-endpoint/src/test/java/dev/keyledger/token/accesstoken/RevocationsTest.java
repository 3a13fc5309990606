package dev.keyledger.token.accesstoken;

import dev.keyledger.token.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Revocations against a real PostgreSQL: the expired ones go, the live ones stay. */
class RevocationsTest {

    private final TestDatabase database = TestDatabase.shared();
    private final JdbcTemplate jdbc = database.jdbc();
    private final Revocations revocations = new Revocations(JdbcClient.create(database.dataSource()));
    private final Instant now = Instant.now();

    @BeforeEach
    void empty() {
        jdbc.execute("TRUNCATE token_revocation");
    }

    @Test
    void whenThePurgeRuns_thenExpiredRevocationsGoAndLiveOnesStay() {
        revoked("expired-long-ago", now.minusSeconds(86_400));
        revoked("expired-past-the-margin", now.minus(Revocations.KEPT_AFTER_EXPIRY).minusSeconds(1));
        revoked("expired-a-moment-ago", now.minusSeconds(5));
        revoked("live", now.plusSeconds(3_600));

        assertThat(revocations.forgetExpired(now)).isEqualTo(2);

        assertThat(jdbc.queryForList("SELECT jti FROM token_revocation", String.class))
                .containsExactlyInAnyOrder("expired-a-moment-ago", "live");
        assertThat(revocations.isRevoked("live")).isTrue();
        assertThat(revocations.isRevoked("expired-a-moment-ago")).isTrue();
        assertThat(revocations.isRevoked("expired-long-ago")).isFalse();
    }

    private void revoked(String jti, Instant expiresAt) {
        jdbc.update("INSERT INTO token_revocation (jti, client_id, expires_at) VALUES (?, 'c1', ?)", jti,
                Timestamp.from(expiresAt));
    }
}
