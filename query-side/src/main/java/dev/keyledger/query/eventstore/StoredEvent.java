package dev.keyledger.query.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;

/** One event as read back from the event store, upcast and deserialized, with its global position. */
public record StoredEvent(long globalPosition, DomainEventMessage<?> message) {
}
