package dev.keyledger.token.issuance;

import dev.keyledger.token.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.keyledger.token.issuance.IssuanceLogTest.issued;
import static org.assertj.core.api.Assertions.assertThat;

/** The issuance log's daily partitions against a real PostgreSQL: made ahead, dropped after the retention. */
class IssuanceLogPartitionsTest {

    private static final Duration RETENTION = Duration.ofDays(30);

    private final TestDatabase database = TestDatabase.shared();
    private final JdbcTemplate jdbc = database.jdbc();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    private IssuanceLogPartitions partitions;

    @BeforeEach
    void emptyLog() {
        jdbc.execute("TRUNCATE token_issuance_log, token_secret_usage");
        partitions = new IssuanceLogPartitions(jdbc, database.transaction(), RETENTION);
    }

    @Test
    void whenMaintenanceRuns_thenTheComingWeeksPartitionsExist() {
        assertThat(partitions.maintain(now)).isTrue();

        assertThat(partitions.existingDays()).contains(today, today.plusDays(1), today.plusDays(7));
    }

    @Test
    void whenADayIsPastTheRetention_thenItsPartitionIsDroppedAndLastUsedAtSurvives() {
        LocalDate old = today.minusDays(31);
        LocalDate stillKept = today.minusDays(30);
        createPartition(old);
        createPartition(stillKept);
        Instant oldUse = old.atTime(12, 0).toInstant(ZoneOffset.UTC);
        insertRecord("old-secret", oldUse);
        insertRecord("kept-secret", stillKept.atTime(1, 0).toInstant(ZoneOffset.UTC));
        jdbc.update("INSERT INTO token_secret_usage (secret_id, client_id, last_used_at)"
                + " VALUES ('old-secret', 'c1', ?)", Timestamp.from(oldUse));
        IssuanceLog log = new IssuanceLog(jdbc, database.transaction(), partitions, 100);
        log.record(issued("c1", "new-secret", now, "10.0.0.1"));
        log.flush();

        partitions.maintain(now);

        assertThat(partitions.existingDays()).doesNotContain(old).contains(stillKept, today);
        assertThat(jdbc.queryForList("SELECT secret_id FROM token_issuance_log", String.class))
                .containsExactlyInAnyOrder("kept-secret", "new-secret");
        assertThat(jdbc.queryForObject("SELECT last_used_at FROM token_secret_usage WHERE secret_id = 'old-secret'",
                Timestamp.class).toInstant()).isEqualTo(oldUse);
    }

    @Test
    void whenARecordArrivesForADayWithoutPartition_thenTheWriterMakesIt() {
        LocalDate yesterday = today.minusDays(1);
        jdbc.execute("DROP TABLE IF EXISTS " + IssuanceLogPartitions.name(yesterday));
        IssuanceLog log = new IssuanceLog(jdbc, database.transaction(), partitions, 100);
        log.record(issued("c1", "s1", yesterday.atTime(23, 59).toInstant(ZoneOffset.UTC), "10.0.0.1"));

        log.flush();

        assertThat(log.stats().written()).isEqualTo(1);
        assertThat(partitions.existingDays()).contains(yesterday);
    }

    /** The distributed topology runs two token-endpoint nodes, each with its maintenance and its writer. */
    @Test
    void whenTwoNodesMaintainAndWriteAtOnce_thenNoneFailsAndTheResultIsTheSame() throws Exception {
        LocalDate old = today.minusDays(40);
        createPartition(old);
        List<LocalDate> missingDays = List.of(today.minusDays(2), today.minusDays(3), today.minusDays(4));
        missingDays.forEach(day -> jdbc.execute("DROP TABLE IF EXISTS " + IssuanceLogPartitions.name(day)));
        List<Callable<Boolean>> work = new ArrayList<>();
        List<IssuanceLog> logs = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            IssuanceLogPartitions nodePartitions = new IssuanceLogPartitions(jdbc, database.transaction(), RETENTION);
            IssuanceLog nodeLog = new IssuanceLog(jdbc, database.transaction(), nodePartitions, 100);
            logs.add(nodeLog);
            for (int round = 0; round < 3; round++) {
                work.add(() -> nodePartitions.maintain(now));
            }
            missingDays.forEach(day -> nodeLog.record(issued("c1", "s1", day.atTime(10, 0).toInstant(ZoneOffset.UTC),
                    "10.0.0.1")));
            work.add(() -> {
                nodeLog.flush();
                return true;
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(work.size());
        try {
            for (Future<Boolean> result : threads.invokeAll(work)) {
                result.get();
            }
        } finally {
            threads.shutdown();
        }

        assertThat(partitions.maintain(now)).isTrue();
        assertThat(partitions.existingDays()).doesNotContain(old).contains(today, today.plusDays(7))
                .containsAll(missingDays);
        assertThat(logs).allSatisfy(log -> assertThat(log.stats()).isEqualTo(new IssuanceLogStats(3, 0, 0, 0, 0)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM token_issuance_log", Long.class)).isEqualTo(6);
    }

    private void createPartition(LocalDate day) {
        database.transaction().executeWithoutResult(status -> partitions.create(day));
    }

    private void insertRecord(String secretId, Instant at) {
        jdbc.update("""
                INSERT INTO token_issuance_log (at, client_id, outcome, secret_id, source_address)
                VALUES (?, 'c1', 'ISSUED', ?, '10.0.0.1')""", Timestamp.from(at), secretId);
    }
}
