package dev.keyledger.query.audit;

import dev.keyledger.query.eventstore.EventCriteria;
import dev.keyledger.query.eventstore.StoredEvents;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Consumer;

/** The audit trail over the event store: per-aggregate histories and the global feed, in pages or streamed. */
@Component
public class AuditTrail {

    private final StoredEvents events;
    private final StoredAuditEntries entries;

    AuditTrail(StoredEvents events, StoredAuditEntries entries) {
        this.events = events;
        this.entries = entries;
    }

    /** Every event of one stream, oldest first. */
    public List<AuditEntry> history(String storedAggregateId) {
        return events.listRows(EventCriteria.ofAggregate(storedAggregateId)).stream().map(entries::of).toList();
    }

    /** Up to {@code limit} matching entries after the criteria's position. */
    public AuditPage page(EventCriteria criteria) {
        int limit = criteria.limit();
        List<AuditEntry> items = events.listRows(new EventCriteria(criteria.payloadTypes(), criteria.aggregateIds(),
                        criteria.from(), criteria.to(), criteria.afterPosition(), limit + 1))
                .stream().map(entries::of).toList();
        if (items.size() <= limit) {
            return new AuditPage(items, null);
        }
        List<AuditEntry> page = items.subList(0, limit);
        return new AuditPage(page, page.get(limit - 1).globalPosition());
    }

    /** Every matching entry, handed to {@code sink} as it is read. */
    public void export(EventCriteria criteria, Consumer<AuditEntry> sink) {
        events.export(criteria, row -> sink.accept(entries.of(row)));
    }
}
