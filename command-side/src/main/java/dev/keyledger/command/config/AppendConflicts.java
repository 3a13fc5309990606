package dev.keyledger.command.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon that an append failed because another writer took the sequence number first, which it then reports as a
 * {@code ConcurrencyException} (docs/DECISIONS.md 4 and 116). PostgreSQL names a unique violation by its SQL state,
 * 23505, with error code 0, which Axon's default resolver does not read: the conflict was a 500. The driver reports
 * a batched insert's failure as the batch's exception with the statement's own in its chain of next exceptions.
 */
final class AppendConflicts implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception) {
        for (SQLException next = exception; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
