package dev.keyledger.token.authentication;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance of each equal value among many rows: a million clients hold a few dozen distinct role lists,
 * permission sets and audience sets, and each would otherwise be a copy of its own, about half of a client's memory
 * in the cache (docs/DECISIONS.md 121). Values must be immutable. The table is forgotten when it reaches its bound,
 * so that values no client holds any more (permissions changed, roles renamed) do not pile up; values handed out
 * before stay valid, they are only no longer shared with later ones.
 */
final class SharedValues {

    static final int BOUND = 10_000;

    private final Map<Object, Object> values = new ConcurrentHashMap<>();

    /**
     * The value read before from an equal text of the same column, or the one {@code read} reads now: a million rows
     * hold a few dozen distinct arrays, and decoding each row's took a fifth of a node's start (docs/DECISIONS.md 121).
     */
    @SuppressWarnings("unchecked")
    <T> T read(String column, String text, SqlRead<T> read) throws SQLException {
        ColumnText key = new ColumnText(column, text);
        Object earlier = values.get(key);
        if (earlier != null) {
            return (T) earlier;
        }
        T value = of(read.value());
        values.put(key, value);
        return value;
    }

    /** Reads a value from the current row. */
    interface SqlRead<T> {
        T value() throws SQLException;
    }

    private record ColumnText(String column, String text) {
    }

    /** The instance equal to {@code value} handed out before, or {@code value} itself. */
    @SuppressWarnings("unchecked")
    <T> T of(T value) {
        if (values.size() >= BOUND) {
            values.clear();
        }
        Object earlier = values.putIfAbsent(value, value);
        return earlier == null ? value : (T) earlier;
    }
}
