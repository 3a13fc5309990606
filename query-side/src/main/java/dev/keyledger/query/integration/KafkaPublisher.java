package dev.keyledger.query.integration;

import dev.keyledger.query.audit.AuditEntries;
import dev.keyledger.query.audit.AuditEntry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.UnknownSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Publishes every stored event to the integration topic. It runs in its own streaming processor, whose token (in
 * PostgreSQL, committed only once the broker has acknowledged the batch) is the outbox position: after a broker
 * outage, a failed batch or a restart, publishing carries on from the last acknowledged batch. Events may so be
 * published twice, never lost; consumers dedupe on the CloudEvent id.
 */
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
public class KafkaPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaPublisher.class);

    private final EventTopic topic;

    KafkaPublisher(EventTopic topic) {
        this.topic = topic;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message, TrackingToken token) {
        topic.ensureExists();
        AuditEntry entry = AuditEntries.withoutMetadata(message, token.position().orElse(-1));
        Optional<CloudEvent> event = CloudEventMapper.of(entry);
        if (event.isEmpty()) {
            // A type newer than this code (a rolling upgrade): it has no wire name and no schema here. Skipping it
            // keeps the others flowing; a node that knows it can republish it (docs/DECISIONS.md 33).
            LOG.warn("not publishing event {} at position {}: its type {} has no wire name in this version",
                    entry.eventId(), entry.globalPosition(), typeName(payload, message));
            return;
        }
        PendingSends.of(CurrentUnitOfWork.get(), topic).send(event.get());
    }

    private static String typeName(Object payload, DomainEventMessage<?> message) {
        return payload instanceof UnknownSerializedType unknown
                ? unknown.serializedType().getName() : message.getPayloadType().getName();
    }
}
