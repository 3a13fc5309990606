package dev.keyledger.token.authentication;

import dev.keyledger.token.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared record of accepted assertion ids, against a real PostgreSQL: a pair is accepted once, by whichever
 * {@code AssertionJtis} (node) sees it first, and expired pairs are deleted so that the table stays bounded.
 */
class AssertionJtisTest {

    private static final Instant NOW = Instant.parse("2026-12-04T20:00:00Z");
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

    private final TestDatabase database = TestDatabase.shared();
    private final JdbcTemplate jdbc = database.jdbc();

    @BeforeEach
    void empty() {
        jdbc.execute("TRUNCATE token_assertion_jti");
    }

    @Test
    void whenTwoNodesSeeTheSameClientAndJti_thenOnlyTheFirstAccepts() {
        AssertionJtis first = new AssertionJtis(JdbcClient.create(jdbc), MAX_LIFETIME);
        AssertionJtis second = new AssertionJtis(JdbcClient.create(jdbc), MAX_LIFETIME);

        assertThat(first.firstUse("c1", "j1", NOW.plusSeconds(60), NOW)).isTrue();
        assertThat(second.firstUse("c1", "j1", NOW.plusSeconds(60), NOW)).isFalse();
        assertThat(first.firstUse("c1", "j1", NOW.plusSeconds(60), NOW)).isFalse();
        assertThat(second.firstUse("c2", "j1", NOW.plusSeconds(60), NOW)).as("another client's jti").isTrue();
    }

    @Test
    void whenThePurgeIntervalHasPassed_thenPairsExpiredLongerThanTheMarginAreDeletedAndOthersKept() {
        AssertionJtis jtis = new AssertionJtis(JdbcClient.create(jdbc), MAX_LIFETIME);
        Duration margin = AssertionAuthenticator.CLOCK_SKEW.plus(MAX_LIFETIME);
        jtis.firstUse("c1", "old", NOW.plusSeconds(10), NOW);
        jtis.firstUse("c1", "recent", NOW.plus(margin).plusSeconds(60), NOW);

        Instant later = NOW.plusSeconds(10).plus(margin).plusSeconds(1);
        jtis.firstUse("c1", "new", later.plusSeconds(60), later);

        assertThat(jdbc.queryForList("SELECT jti FROM token_assertion_jti ORDER BY jti", String.class))
                .containsExactly("new", "recent");
    }

    @Test
    void whenANodeAheadPurgesAnAssertionANodeBehindStillThinksAlive_thenItsReplayIsStillRefused() {
        AssertionJtis accepting = new AssertionJtis(JdbcClient.create(jdbc), MAX_LIFETIME);
        AssertionJtis purging = new AssertionJtis(JdbcClient.create(jdbc), MAX_LIFETIME);
        AssertionJtis behind = new AssertionJtis(JdbcClient.create(jdbc), MAX_LIFETIME);
        Instant expiresAt = NOW.plusSeconds(10);
        accepting.firstUse("c1", "j1", expiresAt, NOW);

        // A minute after expiry on the purging node's clock, a moment before it on the lagging node's.
        Instant ahead = expiresAt.plus(AssertionJtis.PURGE_EVERY).plusSeconds(30);
        purging.firstUse("c1", "other", ahead.plusSeconds(60), ahead);

        assertThat(behind.firstUse("c1", "j1", expiresAt, expiresAt.minusSeconds(1))).isFalse();
    }

    @Test
    void whenTheAssertionHasExpiredByTheTimeItsJtiIsRecorded_thenItIsNoFirstUse() {
        AssertionJtis jtis = new AssertionJtis(JdbcClient.create(jdbc), MAX_LIFETIME);

        assertThat(jtis.firstUse("c1", "late", NOW, NOW)).isFalse();
        assertThat(jtis.firstUse("c1", "later", NOW.minusSeconds(1), NOW)).isFalse();
        assertThat(jdbc.queryForList("SELECT jti FROM token_assertion_jti", String.class)).isEmpty();
    }
}
