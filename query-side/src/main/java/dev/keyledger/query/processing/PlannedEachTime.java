package dev.keyledger.query.processing;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementCreator;

import java.sql.PreparedStatement;

/**
 * A statement that PostgreSQL plans for its parameters and the table as it is at each execution, never with the
 * generic plan the driver's server-side prepared statement would keep (docs/DECISIONS.md 131). For a view's read that
 * runs while the view grows from empty, a replay above all: the generic plan made while the table was empty scans it
 * whole, and keeps doing so as it grows to a million rows, until something analyzes the table.
 */
public final class PlannedEachTime {

    private PlannedEachTime() {
    }

    public static PreparedStatementCreator statement(String sql, Object... params) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            // Threshold 0: the driver never prepares it on the server, so each execution is planned afresh.
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            new ArgumentPreparedStatementSetter(params).setValues(statement);
            return statement;
        };
    }
}
