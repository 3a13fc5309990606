package dev.keyledger.token.issuance;

import dev.keyledger.token.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static dev.keyledger.token.issuance.IssuanceLogTest.issued;
import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL really stopped and started again under the writer: its records wait, none is set aside. */
class IssuanceLogOutageTest {

    private final TestDatabase database = TestDatabase.ownMigrated();

    @AfterEach
    void stopDatabase() {
        database.close();
    }

    @Test
    void whenTheDatabaseIsBrieflyUnavailable_thenItsRecordsAreRetriedNotSetAside() {
        IssuanceLogPartitions partitions = new IssuanceLogPartitions(database.jdbc(), database.transaction(),
                Duration.ofDays(90));
        IssuanceLog log = new IssuanceLog(database.jdbc(), database.transaction(), partitions, 1_000);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        log.record(issued("c1", "s1", now.minusSeconds(3), "10.0.0.1"));
        log.flush();
        assertThat(log.stats().written()).isEqualTo(1);

        database.stop();
        log.record(issued("c1", "s1", now.minusSeconds(2), "10.0.0.2"));
        log.record(issued("c2", "s2", now.minusSeconds(2), "10.0.0.3"));
        log.flush();
        log.record(issued("c1", "s1", now.minusSeconds(1), "10.0.0.4"));
        log.flush();

        assertThat(log.stats().failedWrites()).isGreaterThanOrEqualTo(2);
        assertThat(log.stats().setAside()).isZero();
        assertThat(log.stats().waiting()).isEqualTo(3);

        database.startAgain();
        flushAsScheduledUntilDone(log);

        assertThat(log.stats().setAside()).isZero();
        assertThat(log.stats().waiting()).isZero();
        assertThat(log.stats().written()).isEqualTo(4);
        assertThat(database.jdbc().queryForList("SELECT source_address FROM token_issuance_log ORDER BY position",
                String.class)).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4");
        assertThat(database.jdbc().queryForObject("SELECT last_used_at FROM token_secret_usage WHERE secret_id = 's1'",
                Timestamp.class).toInstant()).isEqualTo(now.minusSeconds(1));
    }

    /**
     * Connections work but every write is refused, as on a standby after a failover or a server put in read-only
     * mode: the rows are fine, so none may be set aside.
     */
    @Test
    void whenTheDatabaseRefusesWrites_thenTheRecordsAreRetriedNotSetAside() {
        IssuanceLogPartitions partitions = new IssuanceLogPartitions(database.jdbc(), database.transaction(),
                Duration.ofDays(90));
        partitions.maintain(Instant.now());
        IssuanceLog log = new IssuanceLog(database.jdbc(), database.transaction(), partitions, 1_000);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        readOnly(true);
        log.record(issued("c1", "s1", now, "10.0.0.1"));
        log.record(issued("c2", "s2", now, "10.0.0.2"));
        log.flush();
        log.flush();

        assertThat(log.stats().failedWrites()).isGreaterThanOrEqualTo(2);
        assertThat(log.stats().setAside()).isZero();
        assertThat(log.stats().waiting()).isEqualTo(2);

        readOnly(false);
        flushAsScheduledUntilDone(log);

        assertThat(log.stats()).isEqualTo(new IssuanceLogStats(2, 0, 0, log.stats().failedWrites(), 0));
        assertThat(database.jdbc().queryForObject("SELECT count(*) FROM token_issuance_log", Long.class))
                .isEqualTo(2);
    }

    /** The first write after an outage may still meet a connection the outage broke; the next one, 100 ms on, not. */
    private static void flushAsScheduledUntilDone(IssuanceLog log) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        log.flush();
        while (log.stats().waiting() > 0 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(100));
            log.flush();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void readOnly(boolean on) {
        database.jdbc().execute("ALTER SYSTEM SET default_transaction_read_only = " + on);
        database.jdbc().execute("SELECT pg_reload_conf()");
        // The pool's sessions take the new setting at their next command; give the postmaster's signal a moment.
        String expected = on ? "on" : "off";
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!expected.equals(database.jdbc().queryForObject(
                "SHOW default_transaction_read_only", String.class)) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
