package dev.keyledger.query.processing;

import org.springframework.jdbc.core.SqlTypeValue;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A text parameter that must not reach a log, such as a secret's hash: Spring's JDBC layer logs parameter values
 * by {@code toString()} at TRACE level, and this one prints as {@code [redacted]}.
 */
public final class RedactedText implements SqlTypeValue {

    private final String value;

    private RedactedText(String value) {
        this.value = value;
    }

    /** {@code null} stays {@code null}, so that optional columns stay optional. */
    public static RedactedText of(String value) {
        return value == null ? null : new RedactedText(value);
    }

    @Override
    public void setTypeValue(PreparedStatement statement, int index, int sqlType, String typeName)
            throws SQLException {
        statement.setString(index, value);
    }

    @Override
    public String toString() {
        return "[redacted]";
    }
}
