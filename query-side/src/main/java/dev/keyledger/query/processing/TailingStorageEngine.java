package dev.keyledger.query.processing;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon's JDBC storage engine as a {@link PromptEventSource}'s tailing store reads it. A tailing read is the one the
 * store's producer makes ({@code mayBlock}); it differs from Axon's in three ways:
 * <ul>
 *   <li>it ends at its first batch shorter than the batch size, instead of reading on until a batch comes back
 *       empty: whenever it found events, the producer reads again at once anyway, so that empty read (with Axon's
 *       check for a wide gap behind it, a second query) was pure cost, two of the five queries each append cost
 *       (docs/DECISIONS.md 128);</li>
 *   <li>once it has handed over events, it says so ({@link #afterTailingReads}): the producer has put them in the
 *       store's cache by then, so the processor can be woken exactly when there is something to read;</li>
 *   <li>that read again at once is answered "nothing" without a query when the read before it reached the head
 *       (its last batch was short and had no hole) and no append was announced since that read began
 *       ({@link #appendAnnounced}; docs/DECISIONS.md 129). Every append announces itself (the store's notification),
 *       and an announcement during a read makes the producer read once more, so that query could only find what
 *       the next announced read finds. After a batch with a hole the read again still queries: events may lie
 *       beyond the batch's range. The producer's own poll, every {@code period}, always queries, for a notification
 *       that was lost.</li>
 * </ul>
 * Catching-up reads, which nothing reads again, go on to the end as Axon's do.
 */
final class TailingStorageEngine extends JdbcEventStorageEngine {

    private final AtomicBoolean announced = new AtomicBoolean();
    private volatile Runnable afterTailingRead = () -> { };
    private volatile boolean lastReadReachedHead;

    TailingStorageEngine(Builder builder) {
        super(builder);
    }

    /** Runs {@code listener} on the reading thread after each tailing read that handed over at least one event. */
    void afterTailingReads(Runnable listener) {
        this.afterTailingRead = listener;
    }

    /** An append committed: the next tailing read queries, whatever the last one found. */
    void appendAnnounced() {
        announced.set(true);
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        if (!mayBlock) {
            return super.readEventData(trackingToken, false);
        }
        boolean announcedSince = announced.getAndSet(false);
        boolean nothingNew = lastReadReachedHead && !announcedSince;
        lastReadReachedHead = false;
        if (nothingNew) {
            return Stream.empty();
        }
        return StreamSupport.stream(new UpToShortBatch(trackingToken), false);
    }

    /**
     * Whether a short batch read after {@code from} is all there was up to the head: its events follow {@code from}
     * with no position missing. An event that fills an older gap (a position at or before {@code from}) is not counted.
     */
    private static boolean withoutHoles(TrackingToken from, List<? extends TrackedEventData<?>> batch) {
        if (!(from instanceof GapAwareTrackingToken start)) {
            return false;
        }
        long highest = start.getIndex();
        long beyond = 0;
        for (TrackedEventData<?> event : batch) {
            long position = ((GapAwareTrackingToken) event.trackingToken()).getIndex();
            if (position > start.getIndex()) {
                beyond++;
                highest = Math.max(highest, position);
            }
        }
        return highest - start.getIndex() == beyond;
    }

    private final class UpToShortBatch extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

        private TrackingToken last;
        private Iterator<? extends TrackedEventData<?>> batch = Collections.emptyIterator();
        private boolean mayHaveMore = true;
        private boolean reachedHead;
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
                reachedHead = !mayHaveMore && withoutHoles(last, next);
                batch = next.iterator();
            }
            if (!batch.hasNext()) {
                if (handedOver) {
                    handedOver = false;
                    lastReadReachedHead = reachedHead;
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
