package dev.keyledger.infrastructure.postgres;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementCreator;

import java.sql.PreparedStatement;

/**
 * Statements that tell the PostgreSQL driver how to prepare them, through its prepare threshold: the number of
 * executions after which it prepares a statement on the server (5 by default).
 */
public final class PreparedStatements {

    private PreparedStatements() {
    }

    /**
     * A statement whose rows PostgreSQL sends in binary form: a {@code bytea} payload arrives as its bytes, not as
     * hex text of twice the size for the driver to decode, which was a tenth of an audit export's time
     * (docs/DECISIONS.md 117). For reads of many stored events; it costs one more round trip to describe the result
     * first.
     */
    public static PreparedStatementCreator binaryResults(String sql, Object... params) {
        // A negative threshold is the driver's switch for binary results of a statement's first execution.
        return withThreshold(-1, sql, params);
    }

    /**
     * A statement that PostgreSQL plans for its parameters and the table as it is at each execution, never with the
     * generic plan a server-side prepared statement keeps (docs/DECISIONS.md 131 and 140). For reads of a few rows of
     * a table that grows: a generic plan cannot know how few rows its parameters select and scans the table whole,
     * at every execution, as the table grows to a million rows.
     */
    public static PreparedStatementCreator plannedEachTime(String sql, Object... params) {
        // Threshold 0: never prepared on the server, so each execution is planned afresh.
        return withThreshold(0, sql, params);
    }

    private static PreparedStatementCreator withThreshold(int threshold, String sql, Object... params) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.unwrap(PGStatement.class).setPrepareThreshold(threshold);
            new ArgumentPreparedStatementSetter(params).setValues(statement);
            return statement;
        };
    }
}
