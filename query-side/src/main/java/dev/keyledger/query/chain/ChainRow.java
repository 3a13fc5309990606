package dev.keyledger.query.chain;

import dev.keyledger.infrastructure.postgres.PreparedStatements;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.util.function.Consumer;

/**
 * One position of a chain walk: its stored link and its event, either missing where the other is present (an event
 * deleted after it was linked, or slipped in where the chain had passed a hole).
 *
 * @param link the stored link, or {@code null} where the chain has none
 * @param row  the stored event, or {@code null} where there is none
 */
record ChainRow(long position, byte[] link, StoredRow row) {

    /**
     * Walks the links of {@code table} and the events together (a full outer join) over the positions in
     * ({@code after}, {@code upTo}], in order, handing each position to {@code sink} as it is read.
     */
    static void walk(JdbcTemplate streaming, String table, long after, long upTo, Consumer<ChainRow> sink) {
        streaming.query(PreparedStatements.binaryResults("SELECT c.global_index AS linked_at, c.link, e.globalindex,"
                + " e.eventidentifier, e.aggregateidentifier, e.sequencenumber, e.type, e.payloadtype,"
                + " e.payloadrevision, e.timestamp, e.payload, e.metadata"
                + " FROM (SELECT * FROM " + table + " WHERE global_index > ? AND global_index <= ?) c"
                + " FULL OUTER JOIN (SELECT * FROM domainevententry WHERE globalindex > ? AND globalindex <= ?) e"
                + " ON e.globalindex = c.global_index ORDER BY coalesce(c.global_index, e.globalindex)",
                after, upTo, after, upTo), (RowCallbackHandler) row -> {
                    boolean linked = row.getObject("linked_at") != null;
                    boolean present = row.getObject("globalindex") != null;
                    long position = linked ? row.getLong("linked_at") : row.getLong("globalindex");
                    sink.accept(new ChainRow(position, linked ? row.getBytes("link") : null,
                            present ? StoredRow.of(row) : null));
                });
    }
}
