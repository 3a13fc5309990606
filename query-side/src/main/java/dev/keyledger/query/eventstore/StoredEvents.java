package dev.keyledger.query.eventstore;

import dev.keyledger.infrastructure.postgres.PreparedStatements;
import dev.keyledger.query.processing.SqlValues;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Reads events straight from Axon's {@code domainevententry} with filters Axon's own API does not offer (type,
 * aggregate, time range, position): either upcast and deserialized the way Axon does, so that {@code ?asOf=} sees
 * every event in its current shape, as the projections do; or as stored, for the audit trail, which maps the stored
 * form itself (docs/DECISIONS.md 117).
 */
@Component
public class StoredEvents {

    private static final String COLUMNS = "globalindex, type, aggregateidentifier, sequencenumber, eventidentifier, "
            + "timestamp, payloadtype, payloadrevision, payload, metadata";

    private final Reader shared;
    private final ExportConnections exportConnections;
    private final Configuration axon;

    StoredEvents(DataSource dataSource, PlatformTransactionManager transactions, ExportConnections exportConnections,
                 Configuration axon) {
        this.shared = new Reader(dataSource, transactions);
        this.exportConnections = exportConnections;
        this.axon = axon;
    }

    /**
     * A cursor over one pool: PostgreSQL streams a result set only inside a transaction and with a fetch size, and
     * then holds a window of rows in memory, never the whole result.
     */
    private record Reader(JdbcTemplate streaming, TransactionTemplate readOnly) {

        Reader(DataSource dataSource, PlatformTransactionManager transactions) {
            this(new JdbcTemplate(dataSource), new TransactionTemplate(transactions));
            streaming.setFetchSize(500);
            readOnly.setReadOnly(true);
        }
    }

    /** The matching events, all in memory: for one stream or one page. */
    public List<StoredEvent> list(EventCriteria criteria) {
        List<StoredEvent> events = new ArrayList<>();
        read(shared, query(criteria), events::add);
        return events;
    }

    /**
     * One stream's events with a sequence number above {@code afterSequence}, in order, all in memory. Asked by the
     * stream's own key and in its own order, which the unique index on both answers alone, with no sort and whatever
     * the parameters (docs/DECISIONS.md 123).
     */
    public List<StoredEvent> stream(String aggregateId, long afterSequence) {
        List<StoredEvent> events = new ArrayList<>();
        read(shared, new Query("SELECT " + COLUMNS + " FROM domainevententry"
                + " WHERE aggregateidentifier = ? AND sequencenumber > ? ORDER BY sequencenumber",
                new Object[] {aggregateId, afterSequence}), events::add);
        return events;
    }

    /**
     * Hands each matching row to {@code sink} as it is read, as stored and not deserialized, holding only a window of
     * them in memory, on one of the export connections; when all are taken, throws {@link ExportsBusy} before reading
     * anything. For a reader that maps the stored form itself (the audit export, docs/DECISIONS.md 117).
     */
    public void export(EventCriteria criteria, Consumer<StoredEventRow> sink) {
        Query query = query(criteria);
        exportConnections.inSlot(pool -> {
            Reader reader = new Reader(pool, new DataSourceTransactionManager(pool));
            reader.readOnly().executeWithoutResult(status -> reader.streaming().query(
                    PreparedStatements.binaryResults(query.sql(), query.params()),
                    (RowCallbackHandler) row -> sink.accept(storedRow(row))));
        });
    }

    /** The matching rows as stored, all in memory: for one stream or one page. */
    public List<StoredEventRow> listRows(EventCriteria criteria) {
        Query query = query(criteria);
        return shared.readOnly().execute(status -> shared.streaming().query(query.sql(),
                (row, n) -> storedRow(row), query.params()));
    }

    private void read(Reader reader, Query query, Consumer<StoredEvent> sink) {
        reader.readOnly().executeWithoutResult(status -> {
            try (Stream<TrackedDomainEventData<byte[]>> rows =
                         reader.streaming().queryForStream(query.sql(), (row, n) -> entry(row), query.params())) {
                EventUtils.upcastAndDeserializeTrackedEvents(rows, axon.eventSerializer(), axon.upcasterChain())
                        .forEach(message -> sink.accept(stored(message)));
            }
        });
    }

    private record Query(String sql, Object[] params) {
    }

    private static Query query(EventCriteria criteria) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM domainevententry WHERE globalindex > ?");
        params.add(criteria.afterPosition());
        if (!criteria.payloadTypes().isEmpty()) {
            sql.append(" AND payloadtype = ANY(?)");
            params.add(criteria.payloadTypes().toArray(String[]::new));
        }
        if (!criteria.aggregateIds().isEmpty()) {
            sql.append(" AND aggregateidentifier = ANY(?)");
            params.add(criteria.aggregateIds().toArray(String[]::new));
        }
        if (criteria.from() != null) {
            sql.append(" AND CAST(timestamp AS timestamptz) >= ?");
            params.add(SqlValues.timestamp(criteria.from()));
        }
        if (criteria.to() != null) {
            sql.append(" AND CAST(timestamp AS timestamptz) < ?");
            params.add(SqlValues.timestamp(criteria.to()));
        }
        sql.append(" ORDER BY globalindex");
        if (criteria.limit() != null) {
            sql.append(" LIMIT ?");
            params.add(criteria.limit());
        }
        return new Query(sql.toString(), params.toArray());
    }

    private static StoredEvent stored(TrackedEventMessage<?> message) {
        long position = ((GlobalSequenceTrackingToken) message.trackingToken()).getGlobalIndex();
        return new StoredEvent(position, (DomainEventMessage<?>) message);
    }

    /** By position, in the order of {@link #COLUMNS}: no look-up of each column by its name on every row. */
    private static StoredEventRow storedRow(ResultSet row) throws SQLException {
        return new StoredEventRow(row.getLong(1), row.getString(5), row.getString(2), row.getString(3),
                row.getLong(4), row.getString(6), row.getString(7), row.getString(8), row.getBytes(9),
                row.getBytes(10));
    }

    private static TrackedDomainEventData<byte[]> entry(ResultSet row) throws SQLException {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                row.getString("type"),
                row.getString("aggregateidentifier"),
                row.getLong("sequencenumber"),
                row.getString("eventidentifier"),
                row.getString("timestamp"),
                row.getString("payloadtype"),
                row.getString("payloadrevision"),
                row.getBytes("payload"),
                row.getBytes("metadata"));
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(row.getLong("globalindex")), entry);
    }
}
