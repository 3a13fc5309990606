package dev.keyledger.query.eventstore;

import dev.keyledger.query.projection.SqlValues;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads events straight from Axon's {@code domainevententry} with filters Axon's own API does not offer (type,
 * aggregate, time range, position), then upcasts and deserializes them the way Axon does, so that the audit trail
 * and {@code ?asOf=} see every event in its current shape, as the projections do.
 */
@Component
public class StoredEvents {

    private static final String COLUMNS = "globalindex, type, aggregateidentifier, sequencenumber, eventidentifier, "
            + "timestamp, payloadtype, payloadrevision, payload, metadata";

    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final Configuration axon;

    StoredEvents(DataSource dataSource, PlatformTransactionManager transactions, Configuration axon) {
        // PostgreSQL streams a result set with a cursor only inside a transaction and with a fetch size.
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(500);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.axon = axon;
    }

    /** The matching events, all in memory: for one stream or one page. */
    public List<StoredEvent> list(EventCriteria criteria) {
        List<StoredEvent> events = new ArrayList<>();
        forEach(criteria, events::add);
        return events;
    }

    /** Hands each matching event to {@code sink} as it is read, holding only a window of them in memory. */
    public void forEach(EventCriteria criteria, Consumer<StoredEvent> sink) {
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
        readOnly.executeWithoutResult(status -> {
            try (Stream<TrackedDomainEventData<byte[]>> rows =
                         streaming.queryForStream(sql.toString(), (row, n) -> entry(row), params.toArray())) {
                EventUtils.upcastAndDeserializeTrackedEvents(rows, axon.eventSerializer(), axon.upcasterChain())
                        .forEach(message -> sink.accept(stored(message)));
            }
        });
    }

    private static StoredEvent stored(TrackedEventMessage<?> message) {
        long position = ((GlobalSequenceTrackingToken) message.trackingToken()).getGlobalIndex();
        return new StoredEvent(position, (DomainEventMessage<?>) message);
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
