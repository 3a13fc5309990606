package dev.keyledger.query.processing;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.List;
import java.util.stream.Stream;

/**
 * The event store a page at a time, read exactly as the processors read it (the same engine, so the same tracking
 * tokens with their gaps, serializers and upcasters), for a rebuild that projects a page per transaction.
 */
public final class EventPages {

    private final EventStorageEngine engine;
    private final int size;

    EventPages(EventStorageEngine engine, int size) {
        this.engine = engine;
        this.size = size;
    }

    /** Up to {@link #size()} events after {@code position} (null: from the start), in one query. */
    public List<? extends TrackedEventMessage<?>> after(TrackingToken position) {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(position, false)) {
            return events.limit(size).toList();
        }
    }

    /** A page shorter than this reached the head of the store as it stood when the page was read. */
    public int size() {
        return size;
    }
}
