package dev.keyledger.token.issuance;

import dev.keyledger.token.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static dev.keyledger.token.issuance.IssuanceLogTest.issued;
import static org.assertj.core.api.Assertions.assertThat;

/** An installation upgrading from the unpartitioned issuance log keeps every record, position and lastUsedAt. */
class IssuanceLogMigrationTest {

    private final TestDatabase database = TestDatabase.own();
    private final JdbcTemplate jdbc = database.jdbc();

    @AfterEach
    void stopDatabase() {
        database.close();
    }

    @Test
    void whenTheUnpartitionedLogIsMigrated_thenItsRowsAreKeptInDailyPartitions() {
        TestDatabase.migrate(database.dataSource(), "1");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant twoDaysAgo = today.minusDays(2).atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
        Instant yesterday = today.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        for (Instant at : List.of(twoDaysAgo, yesterday, now)) {
            jdbc.update("""
                    INSERT INTO token_issuance_log (at, client_id, outcome, jti, secret_id, slot, scope, audience,
                                                    source_address, reason)
                    VALUES (?, 'c1', 'ISSUED', ?, 's1', 'PRIMARY', 'a:read', '{https://api.example}', '10.0.0.1', NULL)
                    """, Timestamp.from(at), "jti-" + at.toEpochMilli());
        }
        jdbc.update("INSERT INTO token_issuance_log (at, client_id, outcome, source_address, reason)"
                + " VALUES (?, NULL, 'FAILED', '10.0.0.2', 'no-authentication')", Timestamp.from(now));
        jdbc.update("INSERT INTO token_secret_usage (secret_id, client_id, last_used_at) VALUES ('s1', 'c1', ?)",
                Timestamp.from(now));
        List<Map<String, Object>> before = everyRow();

        TestDatabase.migrate(database.dataSource(), null);

        assertThat(everyRow()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT relkind FROM pg_class WHERE relname = 'token_issuance_log'",
                String.class)).isEqualTo("p");
        assertThat(jdbc.queryForObject("SELECT to_regclass('token_issuance_log_unpartitioned')::text", String.class))
                .isNull();
        IssuanceLogPartitions partitions = new IssuanceLogPartitions(jdbc, database.transaction(), Duration.ofDays(90));
        assertThat(partitions.existingDays())
                .containsExactlyInAnyOrder(today.minusDays(2), today.minusDays(1), today);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + IssuanceLogPartitions.name(today.minusDays(2)),
                Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT last_used_at FROM token_secret_usage WHERE secret_id = 's1'",
                Timestamp.class).toInstant()).isEqualTo(now);

        // The writer goes on where the old table stopped: positions keep growing, readers' cursors hold.
        long lastPosition = (Long) before.get(before.size() - 1).get("position");
        IssuanceLog log = new IssuanceLog(jdbc, database.transaction(), partitions, 100);
        log.record(issued("c1", "s1", now, "10.0.0.3"));
        log.flush();
        assertThat(jdbc.queryForObject("SELECT max(position) FROM token_issuance_log", Long.class))
                .isGreaterThan(lastPosition);
        assertThat(log.stats().written()).isEqualTo(1);
    }

    private List<Map<String, Object>> everyRow() {
        return jdbc.queryForList("""
                SELECT position, at, client_id, outcome, jti, secret_id, slot, scope,
                       array_to_string(audience, ' ') AS audience, source_address, reason
                  FROM token_issuance_log ORDER BY position""");
    }
}
