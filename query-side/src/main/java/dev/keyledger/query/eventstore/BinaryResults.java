package dev.keyledger.query.eventstore;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementCreator;

import java.sql.PreparedStatement;

/**
 * A statement whose rows PostgreSQL sends in binary form: a {@code bytea} payload arrives as its bytes, not as hex
 * text of twice the size for the driver to decode, which was a tenth of an audit export's time (docs/DECISIONS.md
 * 210). For reads of many stored events; it costs one more round trip to describe the result first.
 */
public final class BinaryResults {

    private BinaryResults() {
    }

    public static PreparedStatementCreator statement(String sql, Object... params) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            // A negative threshold is the driver's switch for binary results of a statement's first execution.
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            new ArgumentPreparedStatementSetter(params).setValues(statement);
            return statement;
        };
    }
}
