package dev.keyledger.infrastructure.postgres;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTest {

    @Test
    void aConnectionStateAnywhereInTheCausesIsAnOutage() {
        SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
        SQLException refused = new SQLException("Connection refused", "08001");

        assertThat(DatabaseOutage.causedBy(new IllegalStateException("wrapped", terminated))).isTrue();
        assertThat(DatabaseOutage.causedBy(refused)).isTrue();
    }

    @Test
    void noConnectionFromThePoolIsAnOutage() {
        SQLTransientConnectionException noConnection =
                new SQLTransientConnectionException("Connection is not available");

        assertThat(DatabaseOutage.causedBy(noConnection)).isTrue();
    }

    @Test
    void aRollbackOnAConnectionThePoolClosedIsAnOutage() {
        TransactionSystemException rollbackFailed =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));

        assertThat(DatabaseOutage.causedBy(new RuntimeException("command failed", rollbackFailed))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseOutage.causedBy(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("no state"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new TransactionSystemException("no transaction in progress"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalArgumentException("bad input"))).isFalse();
    }
}
