package dev.keyledger.query.processing;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * The event store as a processor streams it: Axon's JDBC storage engine as Axon's auto-configuration builds it
 * (same tables, serializers, upcasters and gap handling), except that it reads {@code batchSize} events per query.
 * Axon reads 100, which caps a processor that is catching up (a replay, a node back from a pause) at a few
 * thousand events per second: every read is a round trip or two to PostgreSQL on the coordinator's single thread.
 * Its tailing reads differ from Axon's too ({@link TailingStorageEngine}). It reads outside transactions: a read is
 * one statement (two when Axon looks past a wide gap), which needs no snapshot shared with anything, and the
 * {@code BEGIN} and {@code COMMIT} around each were two of its three round trips (docs/DECISIONS.md 129).
 * It is not a Spring bean: one would replace Axon's own engine, which the command side appends with.
 */
final class StreamingReads {

    private StreamingReads() {
    }

    static TailingStorageEngine engine(Configuration config, ConnectionProvider connections, EventSchema schema,
                                      PersistenceExceptionResolver exceptions, int batchSize) {
        return new TailingStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(config.serializer())
                .upcasterChain(config.upcasterChain())
                .persistenceExceptionResolver(exceptions)
                .eventSerializer(config.eventSerializer())
                .snapshotFilter(config.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(schema)
                .batchSize(batchSize));
    }
}
