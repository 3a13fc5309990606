package dev.keyledger.command.config;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.util.Optional;

/**
 * Axon's JDBC storage engine as the command side loads aggregates with it, one query for a stream shorter than the
 * batch size instead of three (docs/DECISIONS.md 129):
 * <ul>
 *   <li>no snapshot query: Keyledger takes no Axon snapshots, so {@code snapshotevententry} is always empty;</li>
 *   <li>a batch shorter than the batch size ends the stream. Axon's JDBC engine reads on until a batch comes back
 *       empty, for stores whose aggregate streams have holes (events deleted, or spread over several stores).
 *       Keyledger deletes no event and appends through this one store; and a stream read short by a hole could only
 *       make the next append take a sequence number that is already there, which the stream's unique key refuses
 *       (a 409), never a stream out of order.</li>
 * </ul>
 * Appending and streaming are Axon's, unchanged.
 */
final class CommandSideStorageEngine extends JdbcEventStorageEngine {

    /** Axon's default: a stream of up to this many events is one query. */
    static final int BATCH_SIZE = 100;

    CommandSideStorageEngine(Builder builder) {
        super(builder.batchSize(BATCH_SIZE).finalAggregateBatchPredicate(batch -> batch.size() < BATCH_SIZE));
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }
}
