package dev.keyledger.infrastructure.postgres;

import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure caused by PostgreSQL being unreachable (restarting, failing over, no free connection) from any
 * other: the first is worth a {@code 503} with {@code Retry-After}, since the same request will work shortly.
 * <p>
 * A transaction the driver could not end counts too (Spring's {@code TransactionSystemException} over a driver error):
 * the JDBC transaction manager turns every failure of commit or rollback it can classify into a data access exception,
 * so what is left is a connection the pool already closed ("Connection is closed", no SQLSTATE). That is what a
 * commit cut off by a restart ends in: Spring throws the failed rollback in place of the commit's error, whose SQLSTATE
 * would have said so.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown, crash shutdown, cannot connect now). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }
}
