package dev.keyledger.query.chain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.query.audit.AuditEntries;
import dev.keyledger.query.audit.AuditEntry;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A stored row as the audit export shows it: upcast and deserialized as Axon does, mapped to an {@link AuditEntry},
 * then read back as plain JSON values, so that what is hashed is exactly what an auditor receives.
 */
@Component
class ExportedEntries {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final Configuration axon;
    private final ObjectMapper json;

    ExportedEntries(Configuration axon, ObjectMapper json) {
        this.axon = axon;
        this.json = json;
    }

    /** The exported entry; throws {@link UnreadableEvent} for a row that does not deserialize. */
    Map<String, Object> of(StoredRow row) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(row.aggregateType(), row.aggregateId(),
                row.sequence(), row.eventId(), row.timestamp(), row.payloadType(), row.payloadRevision(),
                row.payload(), row.metadata());
        TrackedDomainEventData<byte[]> tracked =
                new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(row.globalIndex()), entry);
        try (Stream<? extends TrackedEventMessage<?>> messages = EventUtils.upcastAndDeserializeTrackedEvents(
                Stream.of(tracked), axon.eventSerializer(), axon.upcasterChain())) {
            TrackedEventMessage<?> message = messages.findFirst().orElseThrow(() -> new IllegalStateException(
                    "the upcasters dropped the event at position " + row.globalIndex()));
            AuditEntry audit = AuditEntries.of((DomainEventMessage<?>) message, row.globalIndex());
            return json.readValue(json.writeValueAsBytes(audit), JSON_OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new UnreadableEvent(row.globalIndex(), e);
        }
    }
}
