package dev.keyledger.token.issuance;

import dev.keyledger.kernel.secret.SecretSlot;
import dev.keyledger.token.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The issuance log writer against a real PostgreSQL: no record it is given can stop the others. */
class IssuanceLogTest {

    private final TestDatabase database = TestDatabase.shared();
    private final JdbcTemplate jdbc = database.jdbc();
    private IssuanceLog log;

    @BeforeEach
    void emptyLog() {
        jdbc.execute("TRUNCATE token_issuance_log, token_secret_usage");
        log = newLog(1_000);
    }

    private IssuanceLog newLog(int capacity) {
        IssuanceLogPartitions partitions = new IssuanceLogPartitions(jdbc, database.transaction(), Duration.ofDays(90));
        return new IssuanceLog(jdbc, database.transaction(), partitions, capacity);
    }

    @Test
    void whenABatchHoldsARecordPostgresRefuses_thenTheOthersAreWrittenAndItIsSetAsideAndCounted() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        log.record(issued("c1", "s1", now.minusSeconds(2), "10.0.0.1"));
        // A time no partition can hold (the clock of the node was wrong): PostgreSQL refuses the row.
        log.record(issued("c2", "s2", Instant.parse("1970-01-01T00:00:00Z"), "10.0.0.2"));
        log.record(issued("c1", "s1", now.minusSeconds(1), "10.0.0.3"));

        log.flush();

        assertThat(rows()).containsExactlyInAnyOrder("c1/10.0.0.1", "c1/10.0.0.3");
        assertThat(log.stats().written()).isEqualTo(2);
        assertThat(log.stats().setAside()).isEqualTo(1);
        assertThat(log.stats().waiting()).isZero();
        assertThat(lastUsedAt("s1")).isEqualTo(now.minusSeconds(1));
        assertThat(lastUsedAt("s2")).isNull();

        // Later batches keep flowing, and with them lastUsedAt (the 15-minute guard on deleting a secret).
        log.record(issued("c1", "s1", now, "10.0.0.4"));
        log.flush();

        assertThat(rows()).contains("c1/10.0.0.4");
        assertThat(lastUsedAt("s1")).isEqualTo(now);
        assertThat(log.stats().written()).isEqualTo(3);
        assertThat(log.stats().setAside()).isEqualTo(1);
    }

    /** The case that stopped the log for good: a source address longer than its column. */
    @Test
    void whenValuesExceedTheirColumns_thenTheyAreFittedAndWritten() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String longAddress = "2001:db8::1, ".repeat(20);
        log.record(IssuanceRecord.failed(now, "x".repeat(300), Outcome.FAILED, longAddress, "r".repeat(100)));
        log.record(IssuanceRecord.failed(now, "nul\0in-id", Outcome.FAILED, null, "unknown-client"));
        log.record(issued("c1", "s1", now, "10.0.0.1"));

        log.flush();

        assertThat(log.stats().setAside()).isZero();
        assertThat(log.stats().written()).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT source_address FROM token_issuance_log ORDER BY position", String.class))
                .containsExactly(longAddress.substring(0, 64), IssuanceColumns.UNKNOWN_ADDRESS, "10.0.0.1");
        assertThat(jdbc.queryForList("SELECT client_id FROM token_issuance_log ORDER BY position", String.class))
                .containsExactly("x".repeat(128), "nul\uFFFDin-id", "c1");
        assertThat(lastUsedAt("s1")).isEqualTo(now);
    }

    @Test
    void whenTheQueueIsFull_thenFurtherRecordsAreDroppedAndCounted() {
        IssuanceLog small = newLog(3);
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            small.record(issued("c1", "s1", now, "10.0.0." + i));
        }

        assertThat(small.stats().dropped()).isEqualTo(2);
        assertThat(small.stats().waiting()).isEqualTo(3);

        small.flush();

        assertThat(small.stats()).isEqualTo(new IssuanceLogStats(3, 0, 2, 0, 0));
        assertThat(rows()).hasSize(3);
    }

    static IssuanceRecord issued(String clientId, String secretId, Instant at, String address) {
        return new IssuanceRecord(at, clientId, Outcome.ISSUED, "jti-" + at.toEpochMilli() + "-" + address, secretId,
                SecretSlot.PRIMARY, null, null, "a:read", List.of("https://api.example"), address, null);
    }

    private List<String> rows() {
        return jdbc.queryForList("SELECT client_id || '/' || source_address FROM token_issuance_log", String.class);
    }

    private Instant lastUsedAt(String secretId) {
        List<Timestamp> found = jdbc.queryForList("SELECT last_used_at FROM token_secret_usage WHERE secret_id = ?",
                Timestamp.class, secretId);
        return found.isEmpty() ? null : found.get(0).toInstant();
    }
}
