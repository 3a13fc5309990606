package dev.keyledger.query.processing;

import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon's JDBC storage engine, except that a tailing read ends at its first batch shorter than the batch size instead
 * of reading on until a batch comes back empty. A tailing read is the one a tailing store's producer makes
 * ({@code mayBlock}); whenever it found events, the producer reads again at once anyway, so the extra empty read
 * (with Axon's check for a wide gap behind it, a second query) was pure cost: two of the five queries each append
 * cost a processor's source at the head of the store (docs/DECISIONS.md 128). Catching-up reads, which nothing reads
 * again, still go on to the end.
 */
final class StopAtShortBatchEngine extends JdbcEventStorageEngine {

    StopAtShortBatchEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        if (!mayBlock) {
            return super.readEventData(trackingToken, false);
        }
        return StreamSupport.stream(new UpToShortBatch(trackingToken), false);
    }

    private final class UpToShortBatch extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

        private TrackingToken last;
        private Iterator<? extends TrackedEventData<?>> batch = Collections.emptyIterator();
        private boolean mayHaveMore = true;

        UpToShortBatch(TrackingToken from) {
            super(Long.MAX_VALUE, ORDERED | NONNULL);
            this.last = from;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
            if (!batch.hasNext() && mayHaveMore) {
                List<? extends TrackedEventData<?>> next = fetchTrackedEvents(last, batchSize());
                mayHaveMore = next.size() >= batchSize();
                batch = next.iterator();
            }
            if (!batch.hasNext()) {
                return false;
            }
            TrackedEventData<?> event = batch.next();
            last = event.trackingToken();
            action.accept(event);
            return true;
        }
    }
}
