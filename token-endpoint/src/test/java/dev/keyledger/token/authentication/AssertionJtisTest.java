package dev.keyledger.token.authentication;

import dev.keyledger.token.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared record of accepted assertion ids, against a real PostgreSQL: a pair is accepted once, by whichever
 * {@code AssertionJtis} (node) sees it first, and expired pairs are deleted so that the table stays bounded.
 */
class AssertionJtisTest {

    private static final Instant NOW = Instant.parse("2026-12-04T20:00:00Z");

    private final TestDatabase database = TestDatabase.shared();
    private final JdbcTemplate jdbc = database.jdbc();

    @BeforeEach
    void empty() {
        jdbc.execute("TRUNCATE token_assertion_jti");
    }

    @Test
    void whenTwoNodesSeeTheSameClientAndJti_thenOnlyTheFirstAccepts() {
        AssertionJtis first = new AssertionJtis(JdbcClient.create(jdbc));
        AssertionJtis second = new AssertionJtis(JdbcClient.create(jdbc));

        assertThat(first.firstUse("c1", "j1", NOW.plusSeconds(60), NOW)).isTrue();
        assertThat(second.firstUse("c1", "j1", NOW.plusSeconds(60), NOW)).isFalse();
        assertThat(first.firstUse("c1", "j1", NOW.plusSeconds(60), NOW)).isFalse();
        assertThat(second.firstUse("c2", "j1", NOW.plusSeconds(60), NOW)).as("another client's jti").isTrue();
    }

    @Test
    void whenThePurgeIntervalHasPassed_thenExpiredPairsAreDeletedAndLiveOnesKept() {
        AssertionJtis jtis = new AssertionJtis(JdbcClient.create(jdbc));
        jtis.firstUse("c1", "old", NOW.plusSeconds(10), NOW);
        jtis.firstUse("c1", "live", NOW.plusSeconds(300), NOW);

        Instant later = NOW.plus(AssertionJtis.PURGE_EVERY).plusSeconds(20);
        jtis.firstUse("c1", "new", later.plusSeconds(60), later);

        assertThat(jdbc.queryForList("SELECT jti FROM token_assertion_jti ORDER BY jti", String.class))
                .containsExactly("live", "new");
    }
}
