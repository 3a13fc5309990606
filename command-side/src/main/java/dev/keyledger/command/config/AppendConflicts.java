package dev.keyledger.command.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/**
 * Tells Axon that an append failed because another writer took the aggregate's next sequence number first, which it
 * then reports as a {@code ConcurrencyException} (docs/DECISIONS.md 4 and 116). PostgreSQL names a unique violation
 * by its SQL state, 23505, with error code 0, which Axon's default resolver does not read: the conflict was a 500. Only
 * the stream's own key counts: a duplicate global index, event id or append digest is not a race between writers
 * and stays a failure. The driver reports a batched insert's failure as the batch's exception with the statement's
 * own in its chain of next exceptions.
 */
final class AppendConflicts implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";
    /** PostgreSQL's name for the event store's {@code UNIQUE (aggregateidentifier, sequencenumber)}. */
    private static final String STREAM_KEY = "domainevententry_aggregateidentifier_sequencenumber_key";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && violatesStreamKey(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean violatesStreamKey(SQLException exception) {
        for (SQLException next = exception; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState()) && next instanceof PSQLException postgres) {
                ServerErrorMessage detail = postgres.getServerErrorMessage();
                if (detail != null && STREAM_KEY.equals(detail.getConstraint())) {
                    return true;
                }
            }
        }
        return false;
    }
}
