package dev.keyledger.query.eventstore;

import java.time.Instant;
import java.util.List;

/**
 * Which stored events to read, each criterion ignored when empty or {@code null}; always in global order.
 *
 * @param payloadTypes  Java class names of the payloads
 * @param aggregateIds  stored aggregate identifiers (role streams with their {@code role:} prefix)
 * @param from          inclusive
 * @param to            exclusive
 * @param afterPosition only events after this global position
 * @param limit         at most this many
 */
public record EventCriteria(List<String> payloadTypes, List<String> aggregateIds, Instant from, Instant to,
                            long afterPosition, Integer limit) {

    public EventCriteria {
        payloadTypes = List.copyOf(payloadTypes);
        aggregateIds = List.copyOf(aggregateIds);
    }

    /** Every event of one stream. */
    public static EventCriteria ofAggregate(String aggregateId) {
        return new EventCriteria(List.of(), List.of(aggregateId), null, null, -1, null);
    }
}
