package dev.keyledger.query.processing;

import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Conversions between the kernel's values and PostgreSQL's column types, the same way in every store. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A TIMESTAMPTZ parameter; {@code null} stays {@code null}. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A TIMESTAMPTZ column; {@code null} stays {@code null}. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A TEXT[] parameter from values rendered with {@link Object#toString()}. */
    public static String[] textArray(Collection<?> values) {
        return values.stream().map(Objects::toString).toArray(String[]::new);
    }

    /** A TEXT[] column, each element parsed. */
    public static <T> List<T> list(ResultSet row, String column, Function<String, T> parse) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((String[]) array.getArray()).map(parse).toList();
    }

    public static List<URI> uris(ResultSet row, String column) throws SQLException {
        return list(row, column, URI::create);
    }
}
