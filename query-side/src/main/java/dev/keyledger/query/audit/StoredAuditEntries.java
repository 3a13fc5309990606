package dev.keyledger.query.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyledger.kernel.audit.AuditMetadata;
import dev.keyledger.kernel.audit.WireNames;
import dev.keyledger.query.eventstore.StoredEventRow;
import org.axonframework.config.Configuration;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns stored rows into audit entries without Axon's messages (docs/DECISIONS.md 117): the payload is deserialized
 * by Axon's serializer into its event, as for a message, and mapped by {@link AuditPayloads}; the time stamp and the
 * two metadata fields an entry shows are read from the stored text directly. The entry equals
 * {@link AuditEntries#of(org.axonframework.eventhandling.DomainEventMessage, long)} of the same event.
 */
@Component
public class StoredAuditEntries {

    /** Stored payload type (a Java class name) to wire name. */
    private static final Map<String, String> WIRE_NAMES = WireNames.all().entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(entry -> entry.getKey().getName(), Map.Entry::getValue));

    private final Serializer serializer;
    private final ObjectMapper storedJson;

    StoredAuditEntries(Configuration axon) {
        requireNoUpcasters(axon.upcasterChain());
        this.serializer = axon.eventSerializer();
        if (!(serializer instanceof JacksonSerializer jackson)) {
            throw new IllegalStateException("the audit trail reads stored events as JSON: Axon's event serializer "
                    + "must be Jackson's, not " + serializer.getClass().getName());
        }
        this.storedJson = jackson.getObjectMapper();
    }

    /**
     * Refuses to start over upcasters: the stored form is read as it is, and an upcaster would be bypassed without a
     * word. With none, Axon's chain hands its input back as it is.
     */
    static void requireNoUpcasters(EventUpcaster upcasters) {
        Stream<IntermediateEventRepresentation> probe = Stream.empty();
        if (upcasters != null && upcasters.upcast(probe) != probe) {
            throw new IllegalStateException("the audit trail reads stored payloads without upcasting them: route "
                    + "StoredAuditEntries through the upcasters before adding one (docs/DECISIONS.md 117)");
        }
    }

    /** The entry of a stored row; throws a runtime exception for a row that does not read as an event. */
    public AuditEntry of(StoredEventRow row) {
        String[] metadata = actorAndCorrelationId(row.metadata());
        return of(row, metadata[0], metadata[1]);
    }

    /**
     * The entry without its actor and correlation id (both null), its metadata not read at all: for the
     * integration topic, whose CloudEvents carry neither; equal to
     * {@link AuditEntries#withoutMetadata(org.axonframework.eventhandling.DomainEventMessage, long)} of the event.
     */
    public AuditEntry withoutMetadata(StoredEventRow row) {
        return of(row, null, null);
    }

    private AuditEntry of(StoredEventRow row, String actor, String correlationId) {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(row.payload(), byte[].class,
                row.payloadType(), row.payloadRevision()));
        return new AuditEntry(
                row.eventId(),
                row.globalIndex(),
                AuditEntries.aggregateType(row.aggregateType()),
                AuditEntries.bareId(row.aggregateId()),
                row.sequence(),
                WIRE_NAMES.getOrDefault(row.payloadType(), AuditEntries.UNKNOWN_TYPE),
                IsoInstants.parseStored(row.timestamp()),
                actor,
                correlationId,
                payload == null ? Map.of() : AuditPayloads.of(payload).orElse(Map.of()));
    }

    /**
     * The actor and the correlation id from the stored metadata object, without building its map: as text, as
     * Axon's metadata would give them (a value that is not a string reads as Axon reads it, then as its text).
     */
    private String[] actorAndCorrelationId(byte[] metadata) {
        String[] values = new String[2];
        if (metadata == null) {
            return values;
        }
        try (JsonParser parser = storedJson.createParser(metadata)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("stored metadata is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (AuditMetadata.ACTOR.equals(name)) {
                    values[0] = text(parser, value);
                } else if (AuditMetadata.CORRELATION_ID.equals(name)) {
                    values[1] = text(parser, value);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    private String text(JsonParser parser, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NULL -> null;
            default -> Objects.toString(storedJson.readValue(parser, Object.class));
        };
    }
}
