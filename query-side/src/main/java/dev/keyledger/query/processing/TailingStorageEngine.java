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
 * Axon's JDBC storage engine as a {@link PromptEventSource}'s tailing store reads it. A tailing read is the one the
 * store's producer makes ({@code mayBlock}); it differs from Axon's in two ways (docs/DECISIONS.md 128):
 * <ul>
 *   <li>it ends at its first batch shorter than the batch size, instead of reading on until a batch comes back
 *       empty: whenever it found events, the producer reads again at once anyway, so that empty read (with Axon's
 *       check for a wide gap behind it, a second query) was pure cost, two of the five queries each append cost;</li>
 *   <li>once it has handed over events, it says so ({@link #afterTailingReads}): the producer has put them in the
 *       store's cache by then, so the processor can be woken exactly when there is something to read.</li>
 * </ul>
 * Catching-up reads, which nothing reads again, go on to the end as Axon's do.
 */
final class TailingStorageEngine extends JdbcEventStorageEngine {

    private volatile Runnable afterTailingRead = () -> { };

    TailingStorageEngine(Builder builder) {
        super(builder);
    }

    /** Runs {@code listener} on the reading thread after each tailing read that handed over at least one event. */
    void afterTailingReads(Runnable listener) {
        this.afterTailingRead = listener;
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
        private boolean handedOver;

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
                if (handedOver) {
                    handedOver = false;
                    afterTailingRead.run();
                }
                return false;
            }
            TrackedEventData<?> event = batch.next();
            last = event.trackingToken();
            action.accept(event);
            handedOver = true;
            return true;
        }
    }
}
